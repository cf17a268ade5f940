package stakeholder

import (
	"context"

	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/incidentmember"
	"github.com/tocsin/tocsin/ent/stakeholdersubscription"
	"github.com/tocsin/tocsin/ent/user"
)

// followers are the people told of an event on the incident: those
// subscribed to it or to one of its services, plus (members) those added
// to it as stakeholders; disabled users never. sys is a system context.
func (s *Stakeholders) followers(sys context.Context, incidentID int, members bool) ([]int, error) {
	services, err := s.Client.Incident.Query().Where(incident.ID(incidentID)).QueryServices().IDs(sys)
	if err != nil {
		return nil, err
	}
	subs, err := s.Client.StakeholderSubscription.Query().
		Where(stakeholdersubscription.Or(
			stakeholdersubscription.IncidentID(incidentID),
			stakeholdersubscription.ServiceIDIn(services...),
		)).
		Unique(true).Select(stakeholdersubscription.FieldUserID).Ints(sys)
	if err != nil {
		return nil, err
	}
	ids := subs
	if members {
		more, err := s.Client.IncidentMember.Query().
			Where(incidentmember.IncidentID(incidentID), incidentmember.RoleEQ(incidentmember.RoleSTAKEHOLDER)).
			Unique(true).Select(incidentmember.FieldUserID).Ints(sys)
		if err != nil {
			return nil, err
		}
		ids = append(ids, more...)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return s.Client.User.Query().Where(user.IDIn(ids...), user.Disabled(false)).
		Order(user.ByID()).IDs(sys)
}
