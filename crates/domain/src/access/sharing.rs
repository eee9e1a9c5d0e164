//! Who may see and do what with offers, requests and placements. Sharing is
//! between co-ops: an offer or request shows to everyone once its co-op is
//! an approved member and it is live; otherwise only to its co-op's users
//! and network admins. A placement shows only to the two co-ops, the person
//! placed and network admins, and each side decides its own part: network
//! admins read, but never accept or cancel for a co-op.

use uuid::Uuid;

use super::{CoopFacts, Denied, Needed, Viewer, administers, signed_in};
use crate::coop::MembershipStatus;

/// What the rules need to know about an offer or request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListingFacts {
    /// Its co-op.
    pub coop: CoopFacts,
    /// Open (and, for offers, not lapsed).
    pub live: bool,
}

/// Live listings of approved co-ops to everyone; the rest to its co-op's
/// users and network admins.
pub fn read_listing(viewer: &Viewer, listing: ListingFacts) -> Result<(), Denied> {
    let public = listing.coop.status == MembershipStatus::Approved && listing.live;
    if public || viewer.is_network_admin() || viewer.role_in(listing.coop.id).is_some() {
        Ok(())
    } else {
        Err(Denied::Hidden)
    }
}

/// Change, reconfirm or delete a listing: its co-op's admins and network admins.
pub fn administer_listing(viewer: &Viewer, listing: ListingFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_listing(viewer, listing)?;
    if administers(viewer, listing.coop.id) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::CoopAdmin))
    }
}

/// Whether rates and budgets of `coop`'s listings are shown: to the network
/// and the co-op's own users.
pub fn see_rates(viewer: &Viewer, coop: Uuid) -> bool {
    viewer.sees_network_only() || viewer.role_in(coop).is_some()
}

/// What the rules need to know about a placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacementFacts {
    /// The co-op giving the time.
    pub offering: Uuid,
    /// The co-op that asked.
    pub requesting: Uuid,
    /// The account of the person placed, if any.
    pub person_account: Option<Uuid>,
}

fn party_to(viewer: &Viewer, placement: PlacementFacts) -> bool {
    viewer.role_in(placement.offering).is_some()
        || viewer.role_in(placement.requesting).is_some()
        || (placement.person_account.is_some() && placement.person_account == viewer.user_id())
}

/// The two co-ops' users, the person placed and network admins.
pub fn read_placement(viewer: &Viewer, placement: PlacementFacts) -> Result<(), Denied> {
    if party_to(viewer, placement) || viewer.is_network_admin() {
        Ok(())
    } else {
        Err(Denied::Hidden)
    }
}

/// Read and write the placement's conversation: its parties (the two
/// co-ops' people and the person placed); network admins, who see the
/// placement, do not read what its parties say to each other.
pub fn talk_in_placement(viewer: &Viewer, placement: PlacementFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_placement(viewer, placement)?;
    if party_to(viewer, placement) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::PlacementParty))
    }
}

/// Ask for time on behalf of `requesting`: its own admins, for a co-op of
/// the network.
pub fn request_placement(viewer: &Viewer, requesting: CoopFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    if viewer.is_admin_of(requesting.id) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::CoopAdmin))
    }
}

/// Accept or decline: the offering co-op's admins (the requesting side
/// cannot accept its own request).
pub fn decide_placement(viewer: &Viewer, placement: PlacementFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_placement(viewer, placement)?;
    if viewer.is_admin_of(placement.offering) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::OfferingAdmin))
    }
}

/// Start, complete or cancel: the admins of either co-op.
pub fn run_placement(viewer: &Viewer, placement: PlacementFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_placement(viewer, placement)?;
    if viewer.is_admin_of(placement.offering) || viewer.is_admin_of(placement.requesting) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::AdminOfEitherSide))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::User;
    use crate::access::HeldRole;
    use crate::coop::CoopRole;

    fn user(id: u128) -> Option<User> {
        Some(User {
            id: Uuid::from_u128(id),
            email: "x@example.coop".into(),
            name: "X".into(),
            network_admin: false,
            token_version: 1,
            created_at: chrono::Utc::now(),
        })
    }

    fn admin_of(coop: Uuid) -> Viewer {
        Viewer {
            user: user(9),
            roles: vec![HeldRole {
                coop,
                role: CoopRole::Admin,
                coop_approved: true,
            }],
        }
    }

    #[test]
    fn listings_show_when_live_and_approved_or_to_their_own() {
        let coop = CoopFacts {
            id: Uuid::from_u128(1),
            status: MembershipStatus::Approved,
        };
        let live = ListingFacts { coop, live: true };
        let lapsed = ListingFacts { coop, live: false };
        let outsider = Viewer::default();
        assert!(read_listing(&outsider, live).is_ok());
        assert_eq!(read_listing(&outsider, lapsed), Err(Denied::Hidden));
        assert!(read_listing(&admin_of(coop.id), lapsed).is_ok());
        let pending = ListingFacts {
            coop: CoopFacts {
                status: MembershipStatus::Applied,
                ..coop
            },
            live: true,
        };
        assert_eq!(read_listing(&outsider, pending), Err(Denied::Hidden));
        assert_eq!(
            administer_listing(&admin_of(Uuid::from_u128(2)), live),
            Err(Denied::Forbidden(Needed::CoopAdmin))
        );
    }

    #[test]
    fn each_side_of_a_placement_decides_its_own_part() {
        let placement = PlacementFacts {
            offering: Uuid::from_u128(1),
            requesting: Uuid::from_u128(2),
            person_account: Some(Uuid::from_u128(7)),
        };
        let offering = admin_of(placement.offering);
        let requesting = admin_of(placement.requesting);
        assert!(decide_placement(&offering, placement).is_ok());
        assert_eq!(
            decide_placement(&requesting, placement),
            Err(Denied::Forbidden(Needed::OfferingAdmin))
        );
        assert!(run_placement(&requesting, placement).is_ok());
        assert_eq!(
            read_placement(&admin_of(Uuid::from_u128(3)), placement),
            Err(Denied::Hidden)
        );
        let person = Viewer {
            user: user(7),
            roles: Vec::new(),
        };
        assert!(read_placement(&person, placement).is_ok());
        assert_eq!(
            run_placement(&person, placement),
            Err(Denied::Forbidden(Needed::AdminOfEitherSide))
        );
    }
}
