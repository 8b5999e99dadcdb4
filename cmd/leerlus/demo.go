package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
	reviewdemo "leerlus/review/demo"
	"leerlus/search"
)

// DemoPassword is the password of every demo account. The demo is for
// trying Leerlus out; never load it into a database with real data.
const DemoPassword = "demo-wachtwoord-2026"

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var cfg config
	fs := newFlags("demo", &cfg, stderr)
	var extraCases int
	fs.IntVar(&extraCases, "cases", 0, "also add this many generated cases (for benchmarks)")
	db, code := openForCommand(ctx, "demo", fs, &cfg, args, stderr)
	if code != 0 {
		return code
	}
	defer db.Close()
	svc := policy.NewService(db, nil, cfg.policyConfig())
	caseSvc, err := cfg.caseService(db, svc)
	if err != nil {
		return fail(stderr, "demo", err)
	}
	loaded, err := loadDemoIfEmpty(ctx, db, svc, caseSvc, extraCases, stdout)
	if err != nil {
		return fail(stderr, "demo", err)
	}
	if !loaded {
		fmt.Fprintln(stderr, "leerlus demo: the database has accounts already; the demo loads only into an empty database")
		return 1
	}
	return 0
}

// demoWorkplace is a knowledge workplace from the seed pages, with the
// learning networks and some partner organisations.
type demoWorkplace struct {
	name, region, description string
	networks                  [][2]string // name, description
	organisations             []policy.NewOrganisation
}

var demoWorkplaces = []demoWorkplace{
	{
		name: "Kenniswerkplaats Jeugd Friesland", region: "Friesland",
		description: "Onderzoekers, professionals, beleidsmakers en bestuurders van 27 organisaties werken samen met jongeren en ouders aan betere jeugdhulp in Friesland.",
		networks: [][2]string{
			{"Leren van praktijkervaringen in de hulpverlening", "Ouders, hulpverleners en beleidsmakers kijken samen naar goede en slechte ervaringen met de jeugdhulp. Wat werkte wel en wat niet?"},
			{"Aanpak op maat voor kwetsbare gezinnen", "Wat heeft een kwetsbaar gezin echt nodig, en hoe regelen we dat in de praktijk?"},
			{"Betere samenwerking tussen zorg en onderwijs", "Jongeren, ouders, leerkrachten en zorgprofessionals zoeken samen hoe school en zorg soepel samenwerken."},
		},
		organisations: []policy.NewOrganisation{
			{Name: "Gemeente Leeuwarden", Kind: policy.KindMunicipality},
			{Name: "Gemeente Súdwest-Fryslân", Kind: policy.KindMunicipality},
			{Name: "Jeugdhulp Noord (demo-aanbieder)", Kind: policy.KindCareProvider},
			{Name: "Samenwerkingsverband Passend Onderwijs (demo)", Kind: policy.KindSchool},
			{Name: "Hogeschool Noord (demo)", Kind: policy.KindUniversity},
		},
	},
	{
		name: "SAMEN", region: "Haaglanden, Holland Rijnland en Midden-Holland",
		description: "Leer- en onderzoeksnetwerk voor gezond en veilig opgroeien, met drie agenda's: verandering, opleiding en onderzoek.",
		networks: [][2]string{
			{"Leernetwerk Integraal werken", "Eén gezin, één plan: hindernissen voor goede samenwerking tussen organisaties oplossen."},
			{"Leernetwerk Normaliseren", "Ieders normaal is goed: voorkomen dat te snel hulp wordt ingezet."},
			{"Leernetwerk Kwetsbare gezinnen", "Kwetsbare gezinnen en professionals zo steunen dat de hulp past bij de vragen van het gezin."},
		},
		organisations: []policy.NewOrganisation{
			{Name: "Gemeente Den Haag", Kind: policy.KindMunicipality},
			{Name: "Gemeente Leiden", Kind: policy.KindMunicipality},
			{Name: "Jeugd en Gezin West (demo-aanbieder)", Kind: policy.KindCareProvider},
			{Name: "Hogeschool West (demo)", Kind: policy.KindUniversity},
		},
	},
	{
		name: "C4Youth", region: "Groningen",
		description: "Vier nuldoelen: 0 jongeren verzuimen op school, 0 kinderen uit huis geplaatst, 0 jongeren dakloos, en geen bureaucratie.",
		networks: [][2]string{
			{"Samenhang preventie en hulpverlening", "Kennis- en leeratelier over vroeg signaleren en samen voorkomen dat problemen groter worden."},
			{"Veilig en thuis opgroeien", "Kennis- en leeratelier over kinderen in een onveilige gezinssituatie: sneller passende hulp, samen met ouders."},
		},
		organisations: []policy.NewOrganisation{
			{Name: "Gemeente Groningen", Kind: policy.KindMunicipality},
			{Name: "Jeugdzorg Stad en Ommeland (demo-aanbieder)", Kind: policy.KindCareProvider},
			{Name: "Kennisinstituut Noord (demo)", Kind: policy.KindUniversity},
		},
	},
}

// demoMembership puts a demo account in a network: workplace index,
// network index, role, perspective.
type demoMembership struct {
	workplace, network int
	role               policy.Role
	perspective        policy.Perspective
}

type demoAccount struct {
	email, name string
	admin       bool
	memberships []demoMembership
}

var demoAccounts = []demoAccount{
	{email: "admin@leerlus.demo", name: "Anna Beheer", admin: true},
	{email: "facilitator@leerlus.demo", name: "Femke Facilitator", memberships: []demoMembership{
		{0, 0, policy.RoleFacilitator, policy.PerspectiveProfessional}}},
	{email: "lid@leerlus.demo", name: "Lotte Lid", memberships: []demoMembership{
		{0, 0, policy.RoleMember, policy.PerspectiveParent}}},
	{email: "jongere@leerlus.demo", name: "Jesse Jongere", memberships: []demoMembership{
		{0, 0, policy.RoleMember, policy.PerspectiveYoungPerson}, {0, 1, policy.RoleMember, policy.PerspectiveYoungPerson},
		{0, 2, policy.RoleMember, policy.PerspectiveYoungPerson}, {2, 0, policy.RoleMember, policy.PerspectiveYoungPerson},
		{2, 1, policy.RoleMember, policy.PerspectiveYoungPerson}}},
	{email: "onderzoeker@leerlus.demo", name: "Omar Onderzoeker", memberships: []demoMembership{
		{0, 0, policy.RoleResearcher, policy.PerspectiveResearch}, {1, 0, policy.RoleResearcher, policy.PerspectiveResearch},
		// The network with the follow-up cases gives the research screens
		// enough published cases that some counts reach k = 5 and others
		// stay suppressed.
		{2, 0, policy.RoleResearcher, policy.PerspectiveResearch}}},
	{email: "manager@leerlus.demo", name: "Mira Manager", memberships: []demoMembership{
		{1, 0, policy.RoleManager, policy.PerspectiveManagement}}},
	{email: "manager.friesland@leerlus.demo", name: "Maarten Manager", memberships: []demoMembership{
		{0, 0, policy.RoleManager, policy.PerspectiveManagement}}},
	{email: "manager.c4youth@leerlus.demo", name: "Mila Manager", memberships: []demoMembership{
		{2, 0, policy.RoleManager, policy.PerspectiveManagement}}},
	{email: "wissel@leerlus.demo", name: "Wim Wissel", memberships: []demoMembership{
		{0, 0, policy.RoleMember, policy.PerspectiveProfessional}, {0, 2, policy.RoleFacilitator, policy.PerspectiveEducation}}},
	{email: "facilitator.samen@leerlus.demo", name: "Sanne Samen", memberships: []demoMembership{
		{1, 0, policy.RoleFacilitator, policy.PerspectiveProfessional}, {1, 1, policy.RoleFacilitator, policy.PerspectiveProfessional}}},
	{email: "beleid@leerlus.demo", name: "Bram Beleid", memberships: []demoMembership{
		{1, 0, policy.RoleMember, policy.PerspectivePolicy}, {2, 0, policy.RoleMember, policy.PerspectivePolicy},
		{0, 0, policy.RoleMember, policy.PerspectivePolicy}, {0, 1, policy.RoleMember, policy.PerspectivePolicy}}},
	{email: "facilitator.c4youth@leerlus.demo", name: "Carla Groen", memberships: []demoMembership{
		{2, 0, policy.RoleFacilitator, policy.PerspectiveProfessional}, {2, 1, policy.RoleFacilitator, policy.PerspectiveProfessional}}},
	// Authors and facilitators of the demo cases (cases/demo): every network
	// has a member who writes cases and a facilitator who publishes them,
	// never their own (four eyes).
	{email: "gezinscoach@leerlus.demo", name: "Hilde Hoekstra", memberships: []demoMembership{
		{0, 1, policy.RoleFacilitator, policy.PerspectiveProfessional}}},
	{email: "wijkcoach@leerlus.demo", name: "Sjoerd Bakker", memberships: []demoMembership{
		{0, 1, policy.RoleMember, policy.PerspectiveProfessional}, {0, 2, policy.RoleMember, policy.PerspectiveProfessional}}},
	{email: "ouder.friesland@leerlus.demo", name: "Tineke Postma", memberships: []demoMembership{
		{0, 1, policy.RoleMember, policy.PerspectiveParent}}},
	{email: "mentor@leerlus.demo", name: "Marleen de Jong", memberships: []demoMembership{
		{0, 2, policy.RoleMember, policy.PerspectiveEducation}, {0, 0, policy.RoleMember, policy.PerspectiveEducation},
		{0, 1, policy.RoleMember, policy.PerspectiveEducation}}},
	{email: "ouder.onderwijs@leerlus.demo", name: "Ingrid Visser", memberships: []demoMembership{
		{0, 2, policy.RoleMember, policy.PerspectiveParent}}},
	{email: "regisseur@leerlus.demo", name: "Yara Jansen", memberships: []demoMembership{
		{1, 0, policy.RoleMember, policy.PerspectiveProfessional}, {1, 2, policy.RoleMember, policy.PerspectiveProfessional}}},
	{email: "jeugdarts@leerlus.demo", name: "Ruud Smit", memberships: []demoMembership{
		{1, 1, policy.RoleMember, policy.PerspectiveProfessional}}},
	{email: "jongere.samen@leerlus.demo", name: "Kim de Boer", memberships: []demoMembership{
		{1, 1, policy.RoleMember, policy.PerspectiveYoungPerson}, {1, 0, policy.RoleMember, policy.PerspectiveYoungPerson},
		{1, 2, policy.RoleMember, policy.PerspectiveYoungPerson}}},
	{email: "facilitator.gezinnen@leerlus.demo", name: "Gerda Vermeulen", memberships: []demoMembership{
		{1, 2, policy.RoleFacilitator, policy.PerspectiveProfessional}}},
	{email: "ervaringsouder@leerlus.demo", name: "Petra van Dijk", memberships: []demoMembership{
		{1, 2, policy.RoleMember, policy.PerspectiveParent}, {1, 0, policy.RoleMember, policy.PerspectiveParent},
		{1, 1, policy.RoleMember, policy.PerspectiveParent}}},
	{email: "jeugdverpleegkundige@leerlus.demo", name: "Ilse Mulder", memberships: []demoMembership{
		{2, 0, policy.RoleMember, policy.PerspectiveProfessional}, {2, 1, policy.RoleMember, policy.PerspectiveProfessional}}},
	{email: "jeugdbeschermer@leerlus.demo", name: "Joost Veenstra", memberships: []demoMembership{
		{2, 1, policy.RoleMember, policy.PerspectiveProfessional}}},
	{email: "ouder.c4youth@leerlus.demo", name: "Anouk Kuipers", memberships: []demoMembership{
		{2, 1, policy.RoleMember, policy.PerspectiveParent}, {2, 0, policy.RoleMember, policy.PerspectiveParent}}},
	// Members who look back on the demo cases (review/demo), besides the
	// accounts above that took extra memberships for it: every network has
	// a young person, a parent, a professional and someone from
	// education; most have management too. Reflections come from members,
	// never from a network's facilitator (four eyes).
	{email: "zorgcoordinator@leerlus.demo", name: "Dennis Vos", memberships: []demoMembership{
		{1, 0, policy.RoleMember, policy.PerspectiveEducation}, {1, 1, policy.RoleMember, policy.PerspectiveEducation},
		{1, 2, policy.RoleMember, policy.PerspectiveEducation}, {2, 0, policy.RoleMember, policy.PerspectiveEducation},
		{2, 1, policy.RoleMember, policy.PerspectiveEducation}}},
	{email: "teamleider@leerlus.demo", name: "Wietske Bosma", memberships: []demoMembership{
		{0, 0, policy.RoleMember, policy.PerspectiveManagement}, {0, 1, policy.RoleMember, policy.PerspectiveManagement},
		{1, 0, policy.RoleMember, policy.PerspectiveManagement}, {1, 2, policy.RoleMember, policy.PerspectiveManagement},
		{2, 1, policy.RoleMember, policy.PerspectiveManagement}}},
}

// loadDemoIfEmpty loads the demo when no account exists yet and prints the
// accounts; it reports whether it loaded. The demo reflections are written
// after the cases, and the cases meant to be archived are archived after
// their reflections.
// extraCases generated cases are added after the demo's own.
func loadDemoIfEmpty(ctx context.Context, db *leerlus.DB, svc *policy.Service, caseSvc *cases.Service, extraCases int, stdout io.Writer) (bool, error) {
	n, err := svc.CountPeople(ctx)
	if err != nil || n > 0 {
		return false, err
	}
	system := policy.Actor{ClientAddr: "demo"}
	networks := make([][]*policy.Network, len(demoWorkplaces))
	orgs := make([][]*policy.Organisation, len(demoWorkplaces))
	for i, dw := range demoWorkplaces {
		w, err := svc.CreateWorkplace(ctx, system, policy.WorkplaceInput{Name: &dw.name, Region: &dw.region, Description: &dw.description})
		if err != nil {
			return false, err
		}
		for _, o := range dw.organisations {
			org, err := svc.CreateOrganisation(ctx, system, w.ID, o)
			if err != nil {
				return false, err
			}
			orgs[i] = append(orgs[i], org)
		}
		for _, nd := range dw.networks {
			name, desc := nd[0], nd[1]
			net, err := svc.CreateNetwork(ctx, system, w.ID, policy.NetworkInput{Name: &name, Description: &desc})
			if err != nil {
				return false, err
			}
			networks[i] = append(networks[i], net)
		}
	}
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintf(tw, "Demo accounts (password for all: %s)\n", DemoPassword)
	fmt.Fprintln(tw, "e-mail\tname\troles")
	people := map[string]string{}
	roles := demoRoles{}
	for _, a := range demoAccounts {
		p, err := svc.CreatePerson(ctx, system, policy.NewPerson{Email: a.email, Name: a.name, Password: DemoPassword, IsAdmin: a.admin})
		if err != nil {
			return false, err
		}
		people[a.email] = p.ID
		said := ""
		if a.admin {
			said = "admin (system)"
		}
		for k, m := range a.memberships {
			net := networks[m.workplace][m.network]
			org := orgs[m.workplace][k%len(orgs[m.workplace])].ID
			if _, err := svc.AddMembership(ctx, system, policy.Membership{NetworkID: net.ID, PersonID: p.ID, Role: m.role,
				Perspective: m.perspective, OrganisationID: &org}); err != nil {
				return false, err
			}
			if roles[net.ID] == nil {
				roles[net.ID] = map[string]policy.Role{}
			}
			roles[net.ID][p.ID] = m.role
			if said != "" {
				said += "; "
			}
			said += fmt.Sprintf("%s in %q", m.role, net.Name)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", a.email, a.name, said)
	}
	loaded, err := loadDemoCases(ctx, caseSvc, networks, people, roles)
	if err != nil {
		return false, err
	}
	started := time.Now()
	refl, err := reviewdemo.Load(ctx, db, review.NewService(db, nil, svc.AuditLog(), caseSvc),
		reviewdemo.Setup{Cases: loaded.byKey, People: people, Roles: roles})
	if err != nil {
		return false, err
	}
	reflTime := time.Since(started)
	started = time.Now()
	acts, err := reviewdemo.LoadActions(ctx, db, reviewdemo.ActionSetup{
		Setup:    reviewdemo.Setup{Cases: loaded.byKey, People: people, Roles: roles},
		FollowUp: networks[2][0].ID, Audit: svc.AuditLog(), Cases: caseSvc,
	}, time.Now().UTC())
	if err != nil {
		return false, err
	}
	actTime := time.Since(started)
	if err := archiveDemoCases(ctx, caseSvc, loaded.toArchive); err != nil {
		return false, err
	}
	fmt.Fprintf(tw, "\n%d demo cases in every state: draft, submitted, published, archived.\n", len(loaded.byKey))
	fmt.Fprintf(tw, "%d demo reflections with %d lessons: %d published, %d waiting for their check, %d drafts (written in %.1f s).\n",
		refl.Reflections, refl.Lessons, refl.Published, refl.Submitted, refl.Drafts, reflTime.Seconds())
	fmt.Fprintf(tw, "%d improvement actions in every status and phase, %d follow-up cases with their reflections, and a goal with %d measurements (written in %.1f s).\n",
		acts.Actions, acts.FollowUpCases, acts.Measurements, actTime.Seconds())
	if extraCases > 0 {
		started = time.Now()
		if err := seedSyntheticCases(ctx, caseSvc, networks, roles, extraCases); err != nil {
			return false, err
		}
		fmt.Fprintf(tw, "%d generated cases added in %.1f s.\n", extraCases, time.Since(started).Seconds())
	}
	// Parts of the demo are stored in bulk, past the use cases that keep
	// the search index: index everything once at the end.
	docs, err := search.Reindex(ctx, db.Gorm)
	if err != nil {
		return false, err
	}
	fmt.Fprintf(tw, "%d texts indexed for search.\n", docs)
	return true, tw.Flush()
}
