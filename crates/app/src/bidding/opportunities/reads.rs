//! Opportunities as anyone may read them, and ranked for a co-op by what it
//! has shown it can do.

use chrono::{DateTime, Utc};
use coophub_domain::bidding::cpv_digits;
use coophub_search::TypedWords;
use coophub_store::bidding::opportunities::{self, OpportunityFilter};
use coophub_store::{DbConnection, Page, skills};
use uuid::Uuid;

use crate::AppError;
use crate::bidding::capability::ALL;
use crate::bidding::views::{OpportunityList, OpportunityView};
use crate::shapes::page_of;

/// A page of the opportunities `filter` lets through; its skill may be
/// any spelling (none known: nothing matches), its CPV code may carry the
/// check digit, and its words match as the main search's do (in any order,
/// with typos and other forms of a word) in the title, description, buyer
/// or lots.
pub fn list(
    conn: &mut DbConnection,
    mut filter: OpportunityFilter,
    page: Page,
    now: DateTime<Utc>,
) -> Result<OpportunityList, AppError> {
    let mut answer = OpportunityList {
        items: Vec::new(),
        total: 0,
        page: page.number,
        per_page: page.size,
    };
    if let Some(spelling) = &filter.skill {
        match skills::find(conn, spelling)? {
            Some(skill) => filter.skill = Some(skill.slug),
            None => return Ok(answer),
        }
    }
    filter.cpv = filter.cpv.map(|c| cpv_digits(&c).unwrap_or(c));
    let words = filter
        .q
        .take()
        .map(|q| TypedWords::new(&q))
        .filter(|words| !words.is_empty());
    let found = match words {
        None => opportunities::list(conn, &filter, page)?,
        Some(words) => {
            // Words are matched here, over what the other filters let
            // through: the store cannot match typos and stems.
            let (all, _) = opportunities::list(conn, &filter, ALL)?;
            let matching: Vec<_> = all
                .into_iter()
                .filter(|o| {
                    let tender = &o.tender;
                    let mut texts = vec![tender.title.as_str(), tender.description.as_str()];
                    texts.extend(tender.buyer_name.as_deref());
                    texts.extend(tender.lots.iter().map(|lot| lot.title.as_str()));
                    words.all_match(&texts)
                })
                .collect();
            let (chosen, total) = page_of(matching, page);
            (chosen, i64::try_from(total).unwrap_or(i64::MAX))
        }
    };
    answer.items = found
        .0
        .into_iter()
        .map(|o| OpportunityView::new(o, now))
        .collect();
    answer.total = found.1;
    Ok(answer)
}

/// The opportunity `id`.
pub fn show(
    conn: &mut DbConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<OpportunityView, AppError> {
    let found = opportunities::find(conn, id)?
        .ok_or_else(|| AppError::NotFound(format!("no opportunity {id}")))?;
    Ok(OpportunityView::new(found, now))
}
