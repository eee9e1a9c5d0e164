//! Who may do what, as pure functions of what is known about the viewer and
//! the resource. Handlers load both in one database call and decide here, so
//! that every route (and every later one: offers, placements, bids) applies
//! the same rules, and the rules are tested without a server.
//!
//! The order of refusals is part of the rule: a change asks for a signed-in
//! user first (401), then whether the viewer may see the resource at all (404,
//! so its existence is not revealed), then for the role (403).

pub mod bidding;
pub mod fund;
mod reach;
pub mod rotation;
pub mod sharing;

use uuid::Uuid;

pub use reach::Reach;

use crate::User;
use crate::consent::Consent;
use crate::coop::{CoopRole, MembershipStatus};

/// A role the viewer holds in one co-op.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldRole {
    /// The co-op.
    pub coop: Uuid,
    /// The role in it.
    pub role: CoopRole,
    /// Whether that co-op is an approved member: roles there make the viewer
    /// a member of the network.
    pub coop_approved: bool,
}

/// Everything the rules need to know about who is asking.
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    /// The signed-in account; `None` for anonymous clients.
    pub user: Option<User>,
    /// The roles the account holds.
    pub roles: Vec<HeldRole>,
}

impl Viewer {
    /// The account's id, if signed in.
    pub fn user_id(&self) -> Option<Uuid> {
        self.user.as_ref().map(|user| user.id)
    }

    /// Network admins may do everything, across all co-ops.
    pub fn is_network_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|user| user.network_admin)
    }

    /// Users with a role in an approved co-op: members of the network.
    pub fn is_network_member(&self) -> bool {
        self.roles.iter().any(|held| held.coop_approved)
    }

    /// Whether network-only information (day rates, availability, co-ops that
    /// are not approved members) is shown to this viewer anywhere.
    pub fn sees_network_only(&self) -> bool {
        self.is_network_member() || self.is_network_admin()
    }

    /// The role held in `coop`.
    pub fn role_in(&self, coop: Uuid) -> Option<CoopRole> {
        self.roles
            .iter()
            .find(|held| held.coop == coop)
            .map(|held| held.role)
    }

    /// Whether the viewer is an admin of `coop` (by role there, not as a
    /// network admin).
    pub fn is_admin_of(&self, coop: Uuid) -> bool {
        self.role_in(coop) == Some(CoopRole::Admin)
    }

    /// The co-ops the viewer administers (by role there).
    pub fn administered(&self) -> Vec<Uuid> {
        self.roles
            .iter()
            .filter(|held| held.role == CoopRole::Admin)
            .map(|held| held.coop)
            .collect()
    }

    /// What every admin of `coop` may see at least, whatever other roles
    /// each holds: a co-op's alert tells its admins only of that.
    pub fn admin_of(coop: CoopFacts) -> Self {
        Self {
            user: None,
            roles: vec![HeldRole {
                coop: coop.id,
                role: CoopRole::Admin,
                coop_approved: coop.status == MembershipStatus::Approved,
            }],
        }
    }

    /// Whether the viewer administers any of `coops`.
    pub fn administers_any(&self, coops: &[Uuid]) -> bool {
        coops.iter().any(|coop| self.is_admin_of(*coop))
    }
}

/// Why an action is refused; the API maps each to its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Not signed in (401).
    NotSignedIn,
    /// The viewer may not know the resource exists (404).
    Hidden,
    /// Visible, but the viewer lacks the role (403).
    Forbidden(Needed),
}

/// The role an action needs, for the 403's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed {
    /// A network admin.
    NetworkAdmin,
    /// An admin of the co-op (or a network admin).
    CoopAdmin,
    /// An admin of one of the co-ops involved (or a network admin).
    AdminOfAnyInvolved,
    /// An admin of the co-op that owns the record (or a network admin).
    OwnerAdmin,
    /// The co-op's admins, the person's linked account, or a network admin.
    CoopAdminOrSelf,
    /// An admin of the co-op that gives the time.
    OfferingAdmin,
    /// An admin of either co-op of a placement.
    AdminOfEitherSide,
    /// The person themselves, through their linked account.
    PersonThemselves,
    /// The person themselves, or their co-op's admins once the person agreed
    /// to be suggested to other co-ops.
    PersonOrSuggested,
    /// An admin of a member co-op (or a network admin).
    MemberCoopAdmin,
    /// An admin of the approved member co-op that leads the bid.
    LeadAdmin,
    /// An admin of the lead co-op, or the bid's coordinator.
    BidManager,
    /// Someone of a co-op in the bid's consortium.
    ConsortiumMember,
    /// Someone of either co-op of a placement, or the person placed.
    PlacementParty,
}

/// What the rules need to know about a co-op.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoopFacts {
    /// The co-op.
    pub id: Uuid,
    /// Its effective membership status (read with the clock).
    pub status: MembershipStatus,
}

impl CoopFacts {
    /// What the rules need to know about `coop`.
    pub fn of(coop: &crate::coop::Coop) -> Self {
        Self {
            id: coop.id,
            status: coop.membership.status,
        }
    }
}

/// What the rules need to know about a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonFacts {
    /// Their co-op.
    pub coop: CoopFacts,
    /// Whether the profile is public (otherwise network-only).
    pub public: bool,
    /// The account linked to the profile.
    pub account: Option<Uuid>,
}

fn signed_in(viewer: &Viewer) -> Result<Uuid, Denied> {
    viewer.user_id().ok_or(Denied::NotSignedIn)
}

/// A signed-in network admin.
pub fn administer_network(viewer: &Viewer) -> Result<(), Denied> {
    signed_in(viewer)?;
    if viewer.is_network_admin() {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::NetworkAdmin))
    }
}

/// Approved co-ops are public; others only to the network and to their own users.
pub fn read_coop(viewer: &Viewer, coop: CoopFacts) -> Result<(), Denied> {
    if coop.status == MembershipStatus::Approved
        || viewer.sees_network_only()
        || viewer.role_in(coop.id).is_some()
    {
        Ok(())
    } else {
        Err(Denied::Hidden)
    }
}

/// Edit the profile, add users, accept an invitation, add people.
pub fn administer_coop(viewer: &Viewer, coop: CoopFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_coop(viewer, coop)?;
    if administers(viewer, coop.id) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::CoopAdmin))
    }
}

/// Manage the endpoints that hear of a co-op's events: its own admins only.
/// The events name bids and placements that network admins may not see, so
/// a network admin's rights over the directory stop here.
pub fn administer_own_coop(viewer: &Viewer, coop: CoopFacts) -> Result<(), Denied> {
    administer_coop(viewer, coop)?;
    if viewer.is_admin_of(coop.id) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::CoopAdmin))
    }
}

/// A membership decision on a visible co-op: network admins only.
pub fn decide_membership(viewer: &Viewer, coop: CoopFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_coop(viewer, coop)?;
    administer_network(viewer)
}

/// Whether day rates and availability of `coop`'s people are shown.
pub fn see_network_only_fields(viewer: &Viewer, coop: Uuid) -> bool {
    viewer.sees_network_only() || viewer.role_in(coop).is_some()
}

/// Whether a person's day rate and availability are shown: to the network,
/// the co-op's users and the person themselves.
pub fn see_private_fields(viewer: &Viewer, person: PersonFacts) -> bool {
    (person.account.is_some() && person.account == viewer.user_id())
        || see_network_only_fields(viewer, person.coop.id)
}

/// Public profiles of visible co-ops to everyone; network-only ones to the
/// network, the co-op's users and the person themselves.
/// The linked account always sees its own profile.
pub fn read_person(viewer: &Viewer, person: PersonFacts) -> Result<(), Denied> {
    if person.account.is_some() && person.account == viewer.user_id() {
        return Ok(());
    }
    read_coop(viewer, person.coop)?;
    if person.public || see_private_fields(viewer, person) {
        Ok(())
    } else {
        Err(Denied::Hidden)
    }
}

/// Edit a profile or reconfirm availability: the co-op's admins, network
/// admins, and the linked account.
pub fn edit_person(viewer: &Viewer, person: PersonFacts) -> Result<(), Denied> {
    let user = signed_in(viewer)?;
    read_person(viewer, person)?;
    if person.account == Some(user) || administers(viewer, person.coop.id) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::CoopAdminOrSelf))
    }
}

/// Delete a person or link another account: the co-op's admins and network admins.
pub fn administer_person(viewer: &Viewer, person: PersonFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_person(viewer, person)?;
    if administers(viewer, person.coop.id) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::CoopAdmin))
    }
}

fn administers(viewer: &Viewer, coop: Uuid) -> bool {
    viewer.is_network_admin() || viewer.is_admin_of(coop)
}

/// A case study belongs to its owner co-op: it shows to everyone when the
/// owner is an approved member; otherwise to the network and the owner's users.
pub fn read_case_study(viewer: &Viewer, owner: Option<CoopFacts>) -> Result<(), Denied> {
    match owner {
        Some(owner) => read_coop(viewer, owner),
        None if viewer.sees_network_only() => Ok(()),
        None => Err(Denied::Hidden),
    }
}

/// Publish a case study naming `coops`: admins of one of them (who becomes
/// its owner) and network admins.
pub fn create_case_study(viewer: &Viewer, coops: &[Uuid]) -> Result<(), Denied> {
    signed_in(viewer)?;
    if viewer.is_network_admin() || viewer.administers_any(coops) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::AdminOfAnyInvolved))
    }
}

/// Change or delete a case study: its owner co-op's admins and network admins.
/// Admins of the other co-ops it names confirm or decline being named instead.
pub fn edit_case_study(viewer: &Viewer, owner: Option<Uuid>) -> Result<(), Denied> {
    signed_in(viewer)?;
    let owner_admin = owner.is_some_and(|owner| viewer.is_admin_of(owner));
    if viewer.is_network_admin() || owner_admin {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::OwnerAdmin))
    }
}

/// Confirm or decline being named: the named co-op's own admins only (a
/// network admin cannot consent for a co-op).
pub fn decide_consent(viewer: &Viewer, coop: Uuid) -> Result<(), Denied> {
    signed_in(viewer)?;
    if viewer.is_admin_of(coop) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::CoopAdmin))
    }
}

/// Whether a co-op named in a record owned by `owner` is shown to the viewer:
/// once it consented, as any co-op is (approved ones to everyone); while it is
/// pending, only to those who decide (its admins, the owner's, network admins).
pub fn see_named_coop(
    viewer: &Viewer,
    named: CoopFacts,
    consent: Consent,
    owner: Option<Uuid>,
) -> bool {
    if consent.given() {
        return read_coop(viewer, named).is_ok();
    }
    viewer.is_network_admin()
        || viewer.is_admin_of(named.id)
        || owner.is_some_and(|owner| viewer.is_admin_of(owner))
}

/// A role change that would leave a co-op without an admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastAdmin;

/// Refuses to turn the last admin of a co-op into a member: someone must be
/// left who can manage it. `admins` counts the co-op's admins now.
pub fn change_role(
    current: Option<CoopRole>,
    next: CoopRole,
    admins: usize,
) -> Result<(), LastAdmin> {
    if current == Some(CoopRole::Admin) && next != CoopRole::Admin && admins <= 1 {
        Err(LastAdmin)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
