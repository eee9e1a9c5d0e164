//! Who may do what with opportunities (and, next, bids). Tenders are public
//! notices: everyone reads them. Adding them, by hand or from OCDS, is for
//! network admins and the admins of member co-ops.

use super::{Denied, Needed, Viewer, signed_in};
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
}
