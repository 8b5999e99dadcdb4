-- A page of a network's members or invitations is read in id order from
-- the id after the cursor (policy/memberships.go, policy/invitations.go).
-- With only (network_id, person_id) and (network_id, created_at) both
-- engines read every row of the network and sorted them for each page;
-- with these indexes they read the page's rows in order and stop.
CREATE INDEX memberships_network_page ON memberships (network_id, id);
CREATE INDEX invitations_network_page ON invitations (network_id, id);
