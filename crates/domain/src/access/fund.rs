//! Who may see what of the optional network fund. The purpose statement is
//! everyone's; totals (never who did not give) are the network's; a co-op's
//! own answers, invoices and payments are its admins' and the stewards'
//! (network admins), who also run the fund.

use uuid::Uuid;

use super::{
    CoopFacts, Denied, Needed, Viewer, administer_network, administers, read_coop, signed_in,
};

/// Open years, record invoices, payments and spending: stewards.
pub fn steward_fund(viewer: &Viewer) -> Result<(), Denied> {
    administer_network(viewer)
}

/// Whether a year's totals and spending are shown: to the network.
pub fn see_totals(viewer: &Viewer) -> bool {
    viewer.sees_network_only()
}

/// Answer a year's invitation, read the co-op's pledges and invoices: its
/// admins and stewards.
pub fn coop_fund(viewer: &Viewer, coop: CoopFacts) -> Result<(), Denied> {
    signed_in(viewer)?;
    read_coop(viewer, coop)?;
    if administers(viewer, coop.id) {
        Ok(())
    } else {
        Err(Denied::Forbidden(Needed::CoopAdmin))
    }
}

/// Whether a co-op's contribution status is shown: to stewards and the
/// co-op's own people, never to other co-ops.
pub fn see_contribution(viewer: &Viewer, coop: Uuid) -> bool {
    viewer.is_network_admin() || viewer.role_in(coop).is_some()
}
