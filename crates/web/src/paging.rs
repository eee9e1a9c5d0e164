//! Links between the pages of a list.

/// Where the pages of a list are: `{base}page=N`, where `base` ends in `?`
/// or `&`.
#[derive(Debug, Clone)]
pub struct Pager {
    /// The page shown, from 1.
    pub page: u32,
    /// How many pages there are (at least 1).
    pub pages: u32,
    base: String,
}

impl Pager {
    /// The pager of page `page` (of `per_page` items) of `total` items at
    /// `base`.
    pub fn new(base: String, page: u32, per_page: u32, total: u64) -> Self {
        let pages = total.div_ceil(u64::from(per_page.max(1))).max(1);
        Self {
            page,
            pages: u32::try_from(pages).unwrap_or(u32::MAX),
            base,
        }
    }

    /// The link to page `page`.
    pub fn href(&self, page: u32) -> String {
        format!("{}page={page}", self.base)
    }
}
