//! `page` and `per_page`, the same on every list.

use coophub_store::Page;
use serde::Deserialize;

use crate::problem::ApiError;

/// Largest page a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// Deepest position a list or search shows (`page × per_page`), like
/// Elasticsearch's `max_result_window`: beyond it, clients narrow the query
/// (or sync with `updated_since`) instead of paging.
pub const MAX_RESULT_WINDOW: u64 = 10_000;
const DEFAULT_PER_PAGE: u32 = 20;

/// The paging part of a list's query string.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
}

impl PageQuery {
    /// The page asked for, checked.
    pub fn page(&self) -> Result<Page, ApiError> {
        let number = self.page.unwrap_or(1);
        if number == 0 {
            return Err(ApiError::InvalidParameter {
                name: "page".into(),
                message: "must be 1 or more".into(),
            });
        }
        let size = self.per_page.unwrap_or(DEFAULT_PER_PAGE);
        if !(1..=MAX_PER_PAGE).contains(&size) {
            return Err(ApiError::InvalidParameter {
                name: "per_page".into(),
                message: format!("must be between 1 and {MAX_PER_PAGE}"),
            });
        }
        within_window(Page { number, size })
    }
}

/// `page` unless it reaches past [`MAX_RESULT_WINDOW`] (400, naming `page`).
pub fn within_window(page: Page) -> Result<Page, ApiError> {
    if u64::from(page.number) * u64::from(page.size) > MAX_RESULT_WINDOW {
        return Err(ApiError::InvalidParameter {
            name: "page".into(),
            message: format!(
                "page × per_page must be at most {MAX_RESULT_WINDOW}; narrow the query instead of paging this deep"
            ),
        });
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(number: u32, per_page: u32) -> Result<Page, ApiError> {
        PageQuery {
            page: Some(number),
            per_page: Some(per_page),
        }
        .page()
    }

    #[test]
    fn pages_past_the_result_window_are_refused() {
        assert!(page(100, 100).is_ok());
        assert!(page(10_000, 1).is_ok());
        assert!(
            matches!(page(101, 100), Err(ApiError::InvalidParameter { name, .. }) if name == "page")
        );
        // 42949674 × 100 wraps a u32 to 96: it must not read as a small offset.
        assert!(page(42_949_674, 100).is_err());
        assert!(page(u32::MAX, 100).is_err());
    }
}
