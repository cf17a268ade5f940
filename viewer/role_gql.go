package viewer

import (
	"fmt"
	"io"
	"strconv"
)

// MarshalGQL writes the role as a GraphQL enum value.
func (r Role) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(r))) }

// UnmarshalGQL reads a GraphQL enum value into the role.
func (r *Role) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || !Role(s).Valid() {
		return fmt.Errorf("%v is not a valid Role (ADMIN, RESPONDER or STAKEHOLDER)", v)
	}
	*r = Role(s)
	return nil
}
