//! `page` and `per_page`, the same on every list.

use coophub_store::Page;
use serde::Deserialize;

use crate::problem::ApiError;

/// Largest page a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// Deepest page a list or search shows: at most 10,000 items in all (like
/// Elasticsearch's `max_result_window`). Beyond it, clients narrow the query
/// (or sync with `updated_since`) instead of paging; a bound per parameter is
/// one the OpenAPI document can state.
pub const MAX_PAGE: u32 = 100;
const DEFAULT_PER_PAGE: u32 = 20;

/// The paging part of a list's query string.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based page number, at most 100 (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
}

impl PageQuery {
    /// The page asked for, checked.
    pub fn page(&self) -> Result<Page, ApiError> {
        Ok(Page {
            number: page_number(self.page.unwrap_or(1))?,
            size: page_size(self.per_page.unwrap_or(DEFAULT_PER_PAGE))?,
        })
    }
}

/// `number` if it is a page a list shows (1 to [`MAX_PAGE`]; 400 naming `page`).
pub fn page_number(number: u32) -> Result<u32, ApiError> {
    if (1..=MAX_PAGE).contains(&number) {
        Ok(number)
    } else {
        Err(ApiError::InvalidParameter {
            name: "page".into(),
            message: format!(
                "must be from 1 to {MAX_PAGE}; narrow the query (or sync with updated_since) instead of paging deeper"
            ),
        })
    }
}

/// `size` if it is a page size a list allows (1 to [`MAX_PER_PAGE`]; 400 naming `per_page`).
pub fn page_size(size: u32) -> Result<u32, ApiError> {
    if (1..=MAX_PER_PAGE).contains(&size) {
        Ok(size)
    } else {
        Err(ApiError::InvalidParameter {
            name: "per_page".into(),
            message: format!("must be between 1 and {MAX_PER_PAGE}"),
        })
    }
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
        assert!(page(1, 1).is_ok());
        assert!(
            matches!(page(101, 1), Err(ApiError::InvalidParameter { name, .. }) if name == "page")
        );
        assert!(
            matches!(page(0, 20), Err(ApiError::InvalidParameter { name, .. }) if name == "page")
        );
        assert!(
            matches!(page(1, 101), Err(ApiError::InvalidParameter { name, .. }) if name == "per_page")
        );
        // 42949674 × 100 wraps a u32 to 96: it must not read as a small offset.
        assert!(page(42_949_674, 100).is_err());
        assert!(page(u32::MAX, 100).is_err());
    }
}
