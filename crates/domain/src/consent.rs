//! Nobody is named without consent: a record that credits or involves other
//! co-ops (a case study now; consortia, swaps and placements later) belongs to
//! one co-op, its owner, and names the others only once their admins confirm.
//! Until then the others appear as pending, and only to those who decide.

use uuid::Uuid;

/// Where a named co-op stands on being named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// The co-op that published the record; its admins edit and delete it.
    Owner,
    /// Its admins agreed to be named (or named it themselves).
    Confirmed,
    /// Named by someone else; not shown as credited until its admins confirm.
    Pending,
}

impl Consent {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Confirmed => "confirmed",
            Self::Pending => "pending",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Owner, Self::Confirmed, Self::Pending]
            .into_iter()
            .find(|consent| consent.as_str() == text)
    }

    /// Whether the record may credit the co-op publicly (owner or confirmed).
    pub fn given(self) -> bool {
        self != Self::Pending
    }
}

/// The consent of each of `named` after a change: the owner is the owner;
/// a co-op that had confirmed stays confirmed; one whose admin makes the
/// change confirms by naming it; every other one is pending.
pub fn after_change(
    named: &[Uuid],
    owner: Uuid,
    before: &[(Uuid, Consent)],
    author_administers: impl Fn(Uuid) -> bool,
) -> Vec<(Uuid, Consent)> {
    named
        .iter()
        .map(|coop| {
            let had = before.iter().find(|(id, _)| id == coop).map(|(_, c)| *c);
            let consent = if *coop == owner {
                Consent::Owner
            } else if had.is_some_and(Consent::given) || author_administers(*coop) {
                Consent::Confirmed
            } else {
                Consent::Pending
            };
            (*coop, consent)
        })
        .collect()
}

/// The consents of a record the network publishes from its own public
/// directory (the coops.tech import): the first co-op owns it, and the others
/// are credited there already.
pub fn as_published(named: &[Uuid]) -> Vec<(Uuid, Consent)> {
    named
        .iter()
        .enumerate()
        .map(|(i, coop)| {
            let consent = if i == 0 {
                Consent::Owner
            } else {
                Consent::Confirmed
            };
            (*coop, consent)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_author_s_own_coops_are_confirmed_by_naming_them() {
        let (own, other, mine_too, agreed) = (
            Uuid::from_u128(1),
            Uuid::from_u128(2),
            Uuid::from_u128(3),
            Uuid::from_u128(4),
        );
        let before = [(agreed, Consent::Confirmed), (other, Consent::Pending)];
        let after = after_change(&[own, other, mine_too, agreed], own, &before, |c| {
            c == own || c == mine_too
        });
        assert_eq!(
            after,
            [
                (own, Consent::Owner),
                (other, Consent::Pending),
                (mine_too, Consent::Confirmed),
                (agreed, Consent::Confirmed),
            ]
        );
    }

    #[test]
    fn stored_spellings_read_back() {
        for consent in [Consent::Owner, Consent::Confirmed, Consent::Pending] {
            assert_eq!(Consent::parse(consent.as_str()), Some(consent));
        }
        assert_eq!(Consent::parse("maybe"), None);
    }
}
