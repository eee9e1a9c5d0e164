//! What people are told: every event someone must act on or know about is
//! recorded with the change that caused it (a transactional outbox), for the
//! people entitled to see its subject. Event kinds are named
//! `<resource>.<verb>`, as webhooks name them. Nobody is told of what they
//! did themselves.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident = $name:tt,)*) => {
        /// What happened.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum EventKind {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)*
        }

        impl EventKind {
            /// Every kind, for documentation and tests.
            pub const ALL: &[EventKind] = &[$(Self::$variant),*];

            /// Every kind's name, in the order of [`Self::ALL`].
            pub const NAMES: &[&str] = &[$($name),*];

            /// The name, e.g. `placement.requested`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $name,)* }
            }

            /// The kind named `name`.
            pub fn parse(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|kind| kind.as_str() == name)
            }
        }
    };
}

kinds! {
    /// The network invited a co-op to join.
    MembershipInvited = "membership.invited",
    /// The network approved a co-op as a member.
    MembershipApproved = "membership.approved",
    /// A co-op asked to join the network (told to stewards).
    MembershipApplied = "membership.applied",
    /// A co-op's membership lapsed: its invitation ran out, or the network
    /// recorded it ended (told to stewards and the co-op's admins).
    MembershipLapsed = "membership.lapsed",
    /// A co-op asked an offer for time.
    PlacementRequested = "placement.requested",
    /// The offering co-op accepted.
    PlacementAccepted = "placement.accepted",
    /// The offering co-op declined.
    PlacementDeclined = "placement.declined",
    /// The placement began.
    PlacementStarted = "placement.started",
    /// The placement finished.
    PlacementCompleted = "placement.completed",
    /// A side cancelled.
    PlacementCancelled = "placement.cancelled",
    /// A rotation swap was proposed.
    SwapProposed = "swap.proposed",
    /// A party answered a swap.
    SwapAnswered = "swap.answered",
    /// All four agreed: the placements are booked.
    SwapAgreed = "swap.agreed",
    /// A party refused.
    SwapRefused = "swap.refused",
    /// A person who asked to rotate was proposed for a social-good request.
    SocialGoodProposed = "social_good.proposed",
    /// A party answered a social-good proposal.
    SocialGoodAnswered = "social_good.answered",
    /// All three agreed: the placement is booked.
    SocialGoodAgreed = "social_good.agreed",
    /// A party refused a social-good proposal.
    SocialGoodRefused = "social_good.refused",
    /// A co-op was invited to a bid's consortium.
    BidInvited = "bid.invited",
    /// An invited co-op joined.
    BidAccepted = "bid.accepted",
    /// An invited co-op declined.
    BidDeclined = "bid.declined",
    /// A bid was decided on, submitted, won, lost or withdrawn.
    BidMoved = "bid.moved",
    /// A new or changed tender matches an alert.
    OpportunityMatched = "opportunity.matched",
    /// A new or changed offer of time matches an alert.
    OfferMatched = "offer.matched",
    /// A new or changed profile matches an alert.
    PersonMatched = "person.matched",
    /// Deliveries to a webhook kept failing: it was switched off.
    WebhookDisabled = "webhook.disabled",
    /// A co-op's open invitation lapses in a week unless accepted.
    MembershipLapsing = "membership.lapsing",
    /// An offer lapses in five days unless reconfirmed.
    OfferLapsing = "offer.lapsing",
    /// A person's availability lapses in five days unless reconfirmed.
    AvailabilityLapsing = "availability.lapsing",
    /// A bid's deadline is a week or a day away.
    BidDeadline = "bid.deadline",
    /// A bid section is due tomorrow.
    SectionDue = "section.due",
    /// A bid section's due day has passed and it is not done.
    SectionLate = "section.late",
    /// Someone asked to administer a co-op that has no admin (told to stewards).
    ClaimMade = "claim.made",
    /// The stewards decided on a claim (told to the claimant).
    ClaimDecided = "claim.decided",
    /// Someone wrote to a co-op (told to its admins, with the address to reply to).
    EnquiryReceived = "enquiry.received",
    /// Someone wrote in a bid's conversation (told to the others who read it).
    BidMessage = "bid.message",
    /// Someone wrote in a placement's conversation (told to both co-ops' admins
    /// and the person placed, but the author).
    PlacementMessage = "placement.message",
}

impl EventKind {
    /// Kinds that ask someone to act soon: mailed at once to accounts that
    /// keep immediate mail on, rather than waiting for a digest.
    pub const fn mails_at_once(self) -> bool {
        matches!(
            self,
            Self::MembershipInvited
                | Self::MembershipApplied
                | Self::PlacementRequested
                | Self::BidInvited
                | Self::SocialGoodProposed
                | Self::ClaimMade
                | Self::EnquiryReceived
                | Self::BidMessage
                | Self::PlacementMessage
        )
    }
}

/// Who is told, by their place (resolved to accounts when recorded).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Audience {
    /// The admins of these co-ops.
    pub admins_of: Vec<Uuid>,
    /// Everyone with a role in these co-ops.
    pub people_of: Vec<Uuid>,
    /// These accounts.
    pub accounts: Vec<Uuid>,
}

/// An event as the change that caused it describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    /// What happened.
    pub kind: EventKind,
    /// The resource it happened to: its type (`placement`, `bid`, `coop`, `swap`).
    pub subject_type: &'static str,
    /// Its id (a slug for co-ops).
    pub subject_id: String,
    /// Its path in the API, e.g. `/api/v1/placements/{id}`.
    pub link: String,
    /// What happened, in words that name only what every recipient may see.
    pub summary: String,
    /// The account that did it (never told itself).
    pub actor: Option<Uuid>,
    /// The co-ops whose webhooks hear of it.
    pub coops: Vec<Uuid>,
}

/// The accounts of `audience`, given the admins and people of each co-op,
/// without duplicates and without the actor, in id order.
pub fn recipients(
    audience: &Audience,
    actor: Option<Uuid>,
    admins: impl Fn(Uuid) -> Vec<Uuid>,
    people: impl Fn(Uuid) -> Vec<Uuid>,
) -> Vec<Uuid> {
    let mut accounts: Vec<Uuid> = audience
        .admins_of
        .iter()
        .flat_map(|coop| admins(*coop))
        .chain(audience.people_of.iter().flat_map(|coop| people(*coop)))
        .chain(audience.accounts.iter().copied())
        .filter(|account| Some(*account) != actor)
        .collect();
    accounts.sort();
    accounts.dedup();
    accounts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_the_actor_is_not_told() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(*kind));
            let (resource, verb) = kind.as_str().split_once('.').unwrap();
            assert!(!resource.is_empty() && !verb.is_empty());
        }
        let [coop, admin, member, actor] = [1u128, 2, 3, 4].map(Uuid::from_u128);
        let audience = Audience {
            admins_of: vec![coop],
            people_of: vec![coop],
            accounts: vec![actor, admin],
        };
        let told = recipients(
            &audience,
            Some(actor),
            |_| vec![admin, actor],
            |_| vec![admin, member, actor],
        );
        assert_eq!(told, [admin, member]);
    }
}
