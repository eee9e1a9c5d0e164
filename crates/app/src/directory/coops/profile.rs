//! A co-op as its page shows it to one viewer: the co-op, whether nobody
//! administers it (so it may be claimed), and — each as its own operation
//! shows it to them — its people, case studies and open offers.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::OfferStatus;
use coophub_store::{DbConnection, Page};

use super::{CoopView, READ};
use crate::AppError;
use crate::directory::case_studies::{self, CaseStudyList, CaseStudyQuery};
use crate::directory::claims;
use crate::directory::people::{self, PersonList};
use crate::guard::{Lock, load};
use crate::sharing::offers::{self, OfferFilters};
use crate::sharing::views::OfferList;

/// Items of each list the page shows.
const SHOWN: Page = Page {
    number: 1,
    size: 50,
};

/// A co-op's page.
#[derive(Debug)]
pub struct Profile {
    /// The co-op, as `GET /coops/{slug}` shows it.
    pub coop: CoopView,
    /// Nobody administers it: a signed-in visitor may claim it.
    pub claimable: bool,
    /// Its people the viewer may see.
    pub people: PersonList,
    /// Its case studies the viewer may see.
    pub case_studies: CaseStudyList,
    /// Its open offers the viewer may see.
    pub offers: OfferList,
}

/// The page of the co-op `slug` for `viewer`; not found where the co-op is not.
pub fn of_coop(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Profile, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, READ, Lock::Read)?;
    let claimable = claims::claimable(conn, &coop)?;
    let slug = coop.slug.clone();
    let studies = CaseStudyQuery {
        coop: Some(slug.clone()),
        ..CaseStudyQuery::default()
    };
    let open = OfferFilters {
        coop: Some(slug.clone()),
        status: Some(OfferStatus::Open),
        ..OfferFilters::default()
    };
    Ok(Profile {
        coop: CoopView::new(coop, viewer, now),
        claimable,
        people: people::list(conn, viewer, &slug, SHOWN, now)?,
        case_studies: case_studies::list(conn, viewer, studies, SHOWN)?,
        offers: offers::list(conn, viewer, open, SHOWN, now)?,
    })
}
