//! The stored and sent names of the co-op enums (snake_case, as serde uses).

use super::{
    FundContribution, LegalForm, MembershipOrigin, MembershipStatus, OrganisationalStructure,
};
use crate::coop::CoopRole;

/// Conversions between an enum and its snake_case name.
macro_rules! named {
    ($enum:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $enum {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The snake_case name, as stored and sent.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name),+
                }
            }

            /// The value of a snake_case name.
            pub fn parse(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

named!(LegalForm {
    CooperativeSociety => "cooperative_society",
    CompanyLimitedByGuarantee => "company_limited_by_guarantee",
    CompanyLimitedByShares => "company_limited_by_shares",
    Llp => "llp",
    Cic => "cic",
    Other => "other",
});

impl LegalForm {
    /// The form as people say it ("Registered co-operative society").
    pub fn in_words(self) -> &'static str {
        match self {
            Self::CooperativeSociety => "Registered co-operative society",
            Self::CompanyLimitedByGuarantee => "Company limited by guarantee",
            Self::CompanyLimitedByShares => "Company limited by shares",
            Self::Llp => "Limited liability partnership",
            Self::Cic => "Community interest company",
            Self::Other => "Other",
        }
    }
}

named!(OrganisationalStructure {
    WorkerCoop => "worker_coop",
    MultiStakeholder => "multi_stakeholder",
    Consumer => "consumer",
    Secondary => "secondary",
    Other => "other",
});

named!(MembershipStatus {
    Applied => "applied",
    Invited => "invited",
    Approved => "approved",
    Lapsed => "lapsed",
    Removed => "removed",
});

impl MembershipStatus {
    /// Where the co-op stands with the network, as people say it.
    pub fn in_words(self) -> &'static str {
        match self {
            Self::Applied => "Asked to join the network",
            Self::Invited => "Invited to join the network",
            Self::Approved => "A member of the network",
            Self::Lapsed => "No longer a member (lapsed)",
            Self::Removed => "Removed from the network",
        }
    }
}

named!(MembershipOrigin {
    Founding => "founding",
    Approved => "approved",
});

named!(FundContribution {
    Paying => "paying",
    NonPaying => "non_paying",
});

named!(CoopRole {
    Admin => "admin",
    Member => "member",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde_and_round_trip() {
        for form in LegalForm::ALL {
            assert_eq!(serde_json::to_value(form).unwrap(), form.as_str());
            assert_eq!(LegalForm::parse(form.as_str()), Some(*form));
        }
        for status in MembershipStatus::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
        }
        assert_eq!(
            serde_json::to_value(FundContribution::NonPaying).unwrap(),
            "non_paying"
        );
        assert_eq!(serde_json::to_value(CoopRole::Admin).unwrap(), "admin");
    }
}
