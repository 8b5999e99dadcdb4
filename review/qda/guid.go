package qda

import "github.com/google/uuid"

// namespace is the UUIDv5 namespace of every GUID Leerlus derives: fixed,
// so that the same object gets the same GUID in every export, and a
// researcher who imports two exports sees one code, not two.
const namespace = "6f7c2a4e-1d3b-5b8e-9a61-2c0f4d6e8b17"

// GUID derives a stable GUID (a name-based UUID, version 5) from the
// parts that name an object, such as "code" and a code's key.
func GUID(parts ...string) string {
	name := ""
	for i, p := range parts {
		if i > 0 {
			name += "\x1f" // a separator no part holds, so ("a","bc") ≠ ("ab","c")
		}
		name += p
	}
	return uuid.NewSHA1(uuid.MustParse(namespace), []byte(name)).String()
}
