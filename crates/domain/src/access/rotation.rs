//! Who may see and do what with rotation requests and swaps. A rotation
//! request is the person's own: only they and their co-op's admins know it
//! exists (network admins too are told nothing). A swap is seen by its four
//! parties: both people and both co-ops' admins, each answering for
//! themselves.

use uuid::Uuid;

use super::{Denied, Needed, Viewer, signed_in};
use crate::sharing::{Party, ProposalParty};

/// What the rules need to know about a rotation request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotationFacts {
    /// The person's co-op.
    pub coop: Uuid,
    /// The person's linked account.
    pub account: Option<Uuid>,
}

fn is_person(viewer: &Viewer, rotation: RotationFacts) -> bool {
    rotation.account.is_some() && rotation.account == viewer.user_id()
}

/// The person and their co-op's admins; everyone else is told nothing (404).
pub fn read_rotation(viewer: &Viewer, rotation: RotationFacts) -> Result<(), Denied> {
    if is_person(viewer, rotation) || viewer.is_admin_of(rotation.coop) {
        Ok(())
    } else {
        Err(Denied::Hidden)
    }
}

/// Ask to rotate: only the person, through their linked account.
pub fn ask_to_rotate(viewer: &Viewer, rotation: RotationFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_rotation(viewer, rotation)?;
    if is_person(viewer, rotation) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::PersonThemselves))
    }
}

/// Withdraw, look for swaps, propose one: the person or their co-op's admins.
pub fn act_on_rotation(viewer: &Viewer, rotation: RotationFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_rotation(viewer, rotation)
}

/// The parties of a swap between `first` and `second` that the viewer is:
/// an account may be a person and an admin of their co-op at once.
pub fn parties(viewer: &Viewer, first: RotationFacts, second: RotationFacts) -> Vec<Party> {
    [
        (is_person(viewer, first), Party::FirstPerson),
        (is_person(viewer, second), Party::SecondPerson),
        (viewer.is_admin_of(first.coop), Party::FirstCoop),
        (viewer.is_admin_of(second.coop), Party::SecondCoop),
    ]
    .into_iter()
    .filter_map(|(is, party)| is.then_some(party))
    .collect()
}

/// See a swap: its parties only.
pub fn read_swap(
    viewer: &Viewer,
    first: RotationFacts,
    second: RotationFacts,
) -> Result<(), Denied> {
    if parties(viewer, first, second).is_empty() {
        Err(Denied::Hidden)
    } else {
        Ok(())
    }
}

/// What the rules need to know about a social-good proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProposalFacts {
    /// The rotation request whose person is proposed.
    pub rotation: RotationFacts,
    /// The co-op whose social-good request it is.
    pub requesting_coop: Uuid,
}

/// Propose a rotation request's person for another co-op's social-good
/// request, which names them to that co-op: the person, or their co-op's
/// admins once the person agreed to be suggested to others.
pub fn propose_for_social_good(
    viewer: &Viewer,
    rotation: RotationFacts,
    suggest_me: bool,
) -> Result<(), Denied> {
    act_on_rotation(viewer, rotation)?;
    if is_person(viewer, rotation) || suggest_me {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::PersonOrSuggested))
    }
}

/// The parties of a social-good proposal that the viewer is.
pub fn proposal_parties(viewer: &Viewer, proposal: ProposalFacts) -> Vec<ProposalParty> {
    [
        (is_person(viewer, proposal.rotation), ProposalParty::Person),
        (
            viewer.is_admin_of(proposal.rotation.coop),
            ProposalParty::HomeCoop,
        ),
        (
            viewer.is_admin_of(proposal.requesting_coop),
            ProposalParty::RequestingCoop,
        ),
    ]
    .into_iter()
    .filter_map(|(is, party)| is.then_some(party))
    .collect()
}

/// See a social-good proposal: its parties only.
pub fn read_proposal(viewer: &Viewer, proposal: ProposalFacts) -> Result<(), Denied> {
    if proposal_parties(viewer, proposal).is_empty() {
        Err(Denied::Hidden)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::User;
    use crate::access::HeldRole;
    use crate::coop::CoopRole;

    fn viewer(user: u128, admin_of: Option<Uuid>, network_admin: bool) -> Viewer {
        Viewer {
            user: Some(User {
                id: Uuid::from_u128(user),
                email: "x@example.coop".into(),
                name: "X".into(),
                network_admin,
                token_version: 1,
                created_at: chrono::Utc::now(),
            }),
            roles: admin_of
                .map(|coop| HeldRole {
                    coop,
                    role: CoopRole::Admin,
                    coop_approved: true,
                })
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn a_rotation_request_is_the_persons_and_their_admins_only() {
        let rotation = RotationFacts {
            coop: Uuid::from_u128(1),
            account: Some(Uuid::from_u128(7)),
        };
        let person = viewer(7, None, false);
        let admin = viewer(8, Some(rotation.coop), false);
        let steward = viewer(9, None, true);
        assert!(ask_to_rotate(&person, rotation).is_ok());
        assert_eq!(
            ask_to_rotate(&admin, rotation),
            Err(Denied::Forbidden(Needed::PersonThemselves))
        );
        assert!(act_on_rotation(&admin, rotation).is_ok());
        assert_eq!(read_rotation(&steward, rotation), Err(Denied::Hidden));
        assert_eq!(
            read_rotation(&Viewer::default(), rotation),
            Err(Denied::Hidden)
        );
        let other = RotationFacts {
            coop: Uuid::from_u128(2),
            account: Some(Uuid::from_u128(3)),
        };
        let both = viewer(7, Some(rotation.coop), false);
        assert_eq!(
            parties(&both, rotation, other),
            [Party::FirstPerson, Party::FirstCoop]
        );
        assert_eq!(read_swap(&steward, rotation, other), Err(Denied::Hidden));
    }

    #[test]
    fn a_social_good_proposal_is_its_three_parties_and_names_nobody_unasked() {
        let rotation = RotationFacts {
            coop: Uuid::from_u128(1),
            account: Some(Uuid::from_u128(7)),
        };
        let proposal = ProposalFacts {
            rotation,
            requesting_coop: Uuid::from_u128(2),
        };
        let person = viewer(7, None, false);
        let admin = viewer(8, Some(rotation.coop), false);
        let host = viewer(9, Some(proposal.requesting_coop), false);
        let steward = viewer(10, None, true);
        assert!(propose_for_social_good(&person, rotation, false).is_ok());
        assert_eq!(
            propose_for_social_good(&admin, rotation, false),
            Err(Denied::Forbidden(Needed::PersonOrSuggested))
        );
        assert!(propose_for_social_good(&admin, rotation, true).is_ok());
        assert_eq!(
            propose_for_social_good(&host, rotation, true),
            Err(Denied::Hidden)
        );
        assert_eq!(
            proposal_parties(&host, proposal),
            [ProposalParty::RequestingCoop]
        );
        assert_eq!(proposal_parties(&person, proposal), [ProposalParty::Person]);
        assert_eq!(read_proposal(&steward, proposal), Err(Denied::Hidden));
    }
}
