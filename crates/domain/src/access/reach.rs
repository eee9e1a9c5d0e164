//! How much of what is derived from many records (the skills vocabulary,
//! totals, tombstones) a viewer may see. Derived data follows the same rule
//! as the records it comes from, or it tells what the records hide.

use super::Viewer;

/// The records whose traces a viewer may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Outsiders: approved co-ops and the public profiles of their people.
    Public,
    /// Network members: approved co-ops and all their people.
    Network,
    /// Network admins, who curate the whole vocabulary (and merge what
    /// unapproved co-ops typed).
    Everything,
}

impl Reach {
    /// Whether only public profiles count.
    pub fn public_only(self) -> bool {
        self == Reach::Public
    }
}

impl Viewer {
    /// What this viewer's derived data may be made of.
    pub fn reach(&self) -> Reach {
        if self.is_network_admin() {
            Reach::Everything
        } else if self.is_network_member() {
            Reach::Network
        } else {
            Reach::Public
        }
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::access::HeldRole;
    use crate::coop::CoopRole;

    fn member_of(approved: bool) -> Viewer {
        Viewer {
            user: None,
            roles: vec![HeldRole {
                coop: Uuid::nil(),
                role: CoopRole::Admin,
                coop_approved: approved,
            }],
        }
    }

    #[test]
    fn only_roles_in_approved_coops_widen_the_reach() {
        assert_eq!(Viewer::default().reach(), Reach::Public);
        assert_eq!(member_of(false).reach(), Reach::Public);
        assert_eq!(member_of(true).reach(), Reach::Network);
        assert!(Reach::Public.public_only() && !Reach::Network.public_only());
    }
}
