//! Optimistic concurrency: the versions of a record that a change was based
//! on. A client sends them as `If-Match` (one ETag, or several: "any of the
//! copies I hold"); the change goes ahead only while the record is still at
//! one of them, so concurrent editors never overwrite each other unseen.

/// The versions a change may overwrite; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected(Vec<i32>);

impl Expected {
    /// Any of `versions`; `None` when there are none.
    pub fn any_of(versions: Vec<i32>) -> Option<Self> {
        (!versions.is_empty()).then_some(Self(versions))
    }

    /// Exactly `version`.
    pub fn exactly(version: i32) -> Self {
        Self(vec![version])
    }

    /// Whether a record now at `current` may be changed.
    pub fn allows(&self, current: i32) -> bool {
        self.0.contains(&current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_listed_version_allows_the_change() {
        let expected = Expected::any_of(vec![0, 3]).unwrap();
        assert!(expected.allows(3) && expected.allows(0) && !expected.allows(2));
        assert!(Expected::exactly(7).allows(7));
        assert_eq!(Expected::any_of(Vec::new()), None);
    }
}
