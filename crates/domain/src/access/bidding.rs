//! Who may do what with opportunities and bids. Tenders are public
//! notices: everyone reads them; adding them, by hand or from OCDS, is for
//! network admins and the admins of member co-ops.
//!
//! A bid is the consortium's business: the people of its lead co-op and of
//! the co-ops whose admins accepted see it with its rates; the admins of an
//! invited co-op see it without rates, to decide; everyone else (network
//! admins too) is told nothing (404), and it is in no list or count for them.
//! A co-op invited or declining is named only to the lead's managers and to
//! its own admins.

use uuid::Uuid;

use super::{Denied, Needed, Viewer, signed_in};
use crate::bidding::MemberStatus;
use crate::coop::CoopRole;

/// Import or enter opportunities: network admins and admins of a member co-op.
pub fn add_opportunities(viewer: &Viewer) -> Result<(), Denied> {
    signed_in(viewer)?;
    let member_admin = viewer
        .roles
        .iter()
        .any(|held| held.coop_approved && held.role == CoopRole::Admin);
    if viewer.is_network_admin() || member_admin {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::MemberCoopAdmin))
    }
}

/// Open a bid led by `lead`: its admins, while it is an approved member.
pub fn open_bid(viewer: &Viewer, lead: Uuid) -> Result<(), Denied> {
    signed_in(viewer)?;
    let admin = viewer
        .roles
        .iter()
        .any(|held| held.coop == lead && held.coop_approved && held.role == CoopRole::Admin);
    if admin {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::LeadAdmin))
    }
}

/// What the rules need to know about a bid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BidFacts {
    /// The lead co-op.
    pub lead: Uuid,
    /// The coordinator's linked account.
    pub coordinator: Option<Uuid>,
    /// Every co-op invited, with where it stands (the lead included).
    pub members: Vec<(Uuid, MemberStatus)>,
}

impl BidFacts {
    fn is_coordinator(&self, viewer: &Viewer) -> bool {
        self.coordinator.is_some() && self.coordinator == viewer.user_id()
    }

    fn in_consortium(&self, viewer: &Viewer) -> bool {
        self.is_coordinator(viewer)
            || self
                .members
                .iter()
                .any(|(coop, status)| status.in_consortium() && viewer.role_in(*coop).is_some())
    }

    fn invited_admin(&self, viewer: &Viewer) -> bool {
        self.members.iter().any(|(coop, status)| {
            matches!(status, MemberStatus::Invited) && viewer.is_admin_of(*coop)
        })
    }

    fn manager(&self, viewer: &Viewer) -> bool {
        self.is_coordinator(viewer) || viewer.is_admin_of(self.lead)
    }
}

/// See the bid: its consortium, and the admins of co-ops invited to it.
pub fn read_bid(viewer: &Viewer, bid: &BidFacts) -> Result<(), Denied> {
    if bid.in_consortium(viewer) || bid.invited_admin(viewer) {
        Ok(())
    } else {
        Err(Denied::Hidden)
    }
}

/// See the rates inside the bid (day rates, costs, shares): its consortium.
pub fn see_rates(viewer: &Viewer, bid: &BidFacts) -> bool {
    bid.in_consortium(viewer)
}

/// Read what needs the rates (shares, the capability matrix with rates):
/// the consortium; invited admins are refused, everyone else told nothing.
pub fn read_rates(viewer: &Viewer, bid: &BidFacts) -> Result<(), Denied> {
    read_bid(viewer, bid)?;
    if bid.in_consortium(viewer) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::ConsortiumMember))
    }
}

/// Whether the viewer may see that `coop` was invited to (or declined) the
/// bid: the lead's managers and the co-op's own admins; consortium members
/// are named to every reader.
pub fn named_member(viewer: &Viewer, bid: &BidFacts, coop: Uuid, status: MemberStatus) -> bool {
    status.in_consortium() || bid.manager(viewer) || viewer.is_admin_of(coop)
}

/// Change the bid (roles, invitations, decisions, moves): the lead co-op's
/// admins and the coordinator.
pub fn manage_bid(viewer: &Viewer, bid: &BidFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_bid(viewer, bid)?;
    if bid.manager(viewer) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::BidManager))
    }
}

/// Work on sections: anyone of the consortium.
pub fn write_sections(viewer: &Viewer, bid: &BidFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_bid(viewer, bid)?;
    if bid.in_consortium(viewer) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::ConsortiumMember))
    }
}

/// Whether the viewer reads the bid's messages to `to` (`None`: the
/// consortium's): the consortium reads its own; those between the bid's
/// managers and an invited co-op, the managers and that co-op's admins.
pub fn read_message(viewer: &Viewer, bid: &BidFacts, to: Option<Uuid>) -> bool {
    match to {
        None => bid.in_consortium(viewer),
        Some(coop) => bid.manager(viewer) || viewer.is_admin_of(coop),
    }
}

/// Write in the bid's conversation to `to`: whoever reads it; everyone else
/// who may see the bid is refused, and those who may not are told nothing.
pub fn write_message(viewer: &Viewer, bid: &BidFacts, to: Option<Uuid>) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_bid(viewer, bid)?;
    if read_message(viewer, bid, to) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::ConsortiumMember))
    }
}

/// Answer an invitation for `coop`: its admins.
pub fn answer_invitation(viewer: &Viewer, bid: &BidFacts, coop: Uuid) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_bid(viewer, bid)?;
    if viewer.is_admin_of(coop) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::CoopAdmin))
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::access::HeldRole;

    #[test]
    fn member_coop_admins_and_network_admins_add_opportunities() {
        assert_eq!(
            add_opportunities(&Viewer::default()),
            Err(Denied::NotSignedIn)
        );
        let user = crate::User {
            id: Uuid::nil(),
            email: "x@example.coop".into(),
            name: "X".into(),
            network_admin: false,
            token_version: 1,
            created_at: chrono::Utc::now(),
        };
        let with = |role, coop_approved| Viewer {
            user: Some(user.clone()),
            roles: vec![HeldRole {
                coop: Uuid::nil(),
                role,
                coop_approved,
            }],
        };
        assert!(add_opportunities(&with(CoopRole::Admin, true)).is_ok());
        for refused in [with(CoopRole::Member, true), with(CoopRole::Admin, false)] {
            assert_eq!(
                add_opportunities(&refused),
                Err(Denied::Forbidden(Needed::MemberCoopAdmin))
            );
        }
    }

    #[test]
    fn a_bid_is_seen_by_its_consortium_and_invited_admins_only() {
        let [lead, partner, invited, outsider] = [1u128, 2, 3, 4].map(Uuid::from_u128);
        let bid = BidFacts {
            lead,
            coordinator: None,
            members: vec![
                (lead, MemberStatus::Lead),
                (partner, MemberStatus::Accepted),
                (invited, MemberStatus::Invited),
            ],
        };
        let user = crate::User {
            id: Uuid::from_u128(9),
            email: "x@example.coop".into(),
            name: "X".into(),
            network_admin: false,
            token_version: 1,
            created_at: chrono::Utc::now(),
        };
        let in_coop = |coop, role| Viewer {
            user: Some(user.clone()),
            roles: vec![HeldRole {
                coop,
                role,
                coop_approved: true,
            }],
        };
        let network_admin = Viewer {
            user: Some(crate::User {
                network_admin: true,
                ..user.clone()
            }),
            roles: Vec::new(),
        };
        for hidden in [
            Viewer::default(),
            network_admin,
            in_coop(outsider, CoopRole::Admin),
            in_coop(invited, CoopRole::Member),
        ] {
            assert_eq!(read_bid(&hidden, &bid), Err(Denied::Hidden));
        }
        let partner_member = in_coop(partner, CoopRole::Member);
        assert!(read_bid(&partner_member, &bid).is_ok() && see_rates(&partner_member, &bid));
        assert_eq!(
            manage_bid(&partner_member, &bid),
            Err(Denied::Forbidden(Needed::BidManager))
        );
        assert!(write_sections(&partner_member, &bid).is_ok());
        assert!(!named_member(
            &partner_member,
            &bid,
            invited,
            MemberStatus::Invited
        ));
        let invited_admin = in_coop(invited, CoopRole::Admin);
        assert!(read_bid(&invited_admin, &bid).is_ok() && !see_rates(&invited_admin, &bid));
        assert_eq!(
            read_rates(&invited_admin, &bid),
            Err(Denied::Forbidden(Needed::ConsortiumMember))
        );
        assert!(answer_invitation(&invited_admin, &bid, invited).is_ok());
        assert!(named_member(
            &invited_admin,
            &bid,
            invited,
            MemberStatus::Invited
        ));
        let lead_admin = in_coop(lead, CoopRole::Admin);
        assert!(manage_bid(&lead_admin, &bid).is_ok());
        assert!(named_member(
            &lead_admin,
            &bid,
            invited,
            MemberStatus::Invited
        ));
        assert!(open_bid(&lead_admin, lead).is_ok());
        assert_eq!(
            open_bid(&in_coop(lead, CoopRole::Member), lead),
            Err(Denied::Forbidden(Needed::LeadAdmin))
        );
        let coordinator = BidFacts {
            coordinator: Some(user.id),
            ..bid.clone()
        };
        assert!(
            manage_bid(
                &Viewer {
                    user: Some(user.clone()),
                    roles: Vec::new()
                },
                &coordinator
            )
            .is_ok()
        );
    }
}
