//! Paging of lists.

/// A page of a list: 1-based page number and page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// 1-based.
    pub number: u32,
    /// Items per page.
    pub size: u32,
}

impl Page {
    /// Items before this page, for lists paged in memory as well as in SQL.
    pub fn offset(self) -> i64 {
        i64::from(self.number.saturating_sub(1)) * i64::from(self.size)
    }
}
