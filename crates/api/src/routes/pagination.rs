//! `page` and `per_page`, the same on every list.

use coophub_store::Page;
use serde::Deserialize;

use crate::problem::ApiError;

/// Largest page a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
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
        Ok(Page { number, size })
    }
}
