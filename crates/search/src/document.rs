//! What gets indexed: one flat document per searchable record.

/// The kinds of searchable records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    /// A co-op.
    Coop,
    /// A person.
    Person,
    /// An offer of time.
    Offer,
    /// A request for time.
    Request,
    /// A tender.
    Opportunity,
}

impl DocKind {
    /// The name used in the API and the index.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Coop => "coop",
            Self::Person => "person",
            Self::Offer => "offer",
            Self::Request => "request",
            Self::Opportunity => "opportunity",
        }
    }

    /// The kind of a name.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "coop" => Some(Self::Coop),
            "person" => Some(Self::Person),
            "offer" => Some(Self::Offer),
            "request" => Some(Self::Request),
            "opportunity" => Some(Self::Opportunity),
            _ => None,
        }
    }
}

/// A skill on a document: canonical slug, display name, and level (1 to 5;
/// co-ops list skills at level 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillEntry {
    /// Canonical slug.
    pub slug: String,
    /// Display name (searchable text).
    pub name: String,
    /// 1 to 5: how strongly the document matches this skill.
    pub level: u8,
}

/// A person's availability, as indexed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AvailabilityEntry {
    /// Days a week free.
    pub days_per_week: f64,
    /// Free from this day (days since 1970-01-01).
    pub from_day: i64,
    /// Last reconfirmed (seconds since the epoch); older than 30 days means lapsed.
    pub reconfirmed_at: i64,
}

/// Where a co-op stands, as the directory's filters read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Its membership's recorded status (`applied`, `invited`, …).
    pub status: String,
    /// For an invitation: when it runs out (seconds since the epoch), after
    /// which it reads `lapsed`.
    pub invited_until: Option<i64>,
    /// Whether it is happy to share its experience (`None`: not said).
    pub shares_experience: Option<bool>,
}

/// A searchable record, flattened.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchDocument {
    /// Kind of record.
    pub kind: DocKind,
    /// Its id.
    pub id: String,
    /// Its slug, if it has one (co-ops do).
    pub slug: Option<String>,
    /// Name or title.
    pub title: String,
    /// Short text.
    pub summary: String,
    /// Long text.
    pub description: String,
    /// A co-op's notable clients (also in `description`, which is searched).
    pub clients: Vec<String>,
    /// Skills.
    pub skills: Vec<SkillEntry>,
    /// Region.
    pub region: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Legal form name.
    pub legal_form: Option<String>,
    /// Latitude and longitude.
    pub location: Option<(f64, f64)>,
    /// Whether anonymous clients may find it.
    pub public: bool,
    /// A co-op's standing with the network, for the directory's filters.
    pub standing: Option<Standing>,
    /// A person's stated availability (network members search it).
    pub availability: Option<AvailabilityEntry>,
    /// Last change, seconds since the epoch.
    pub updated: i64,
    /// When it stops being found (seconds since the epoch): an offer lapses
    /// unless reconfirmed, a request ends. `None`: never.
    pub expires: Option<i64>,
}

impl SearchDocument {
    /// The unique key of this record in the index.
    pub fn key(&self) -> String {
        key(self.kind, &self.id)
    }
}

/// The unique key of record `id` of `kind`.
pub(crate) fn key(kind: DocKind, id: &str) -> String {
    format!("{}:{id}", kind.as_str())
}
