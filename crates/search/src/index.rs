//! The index: one writer, a reader reloaded after every commit, so that what
//! a commit acknowledged is what the next search sees.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use tantivy::schema::Term;
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, Warmer,
    directory::MmapDirectory,
};

use crate::document::{DocKind, SearchDocument, key};
use crate::facet_tables::FacetTables;
use crate::schema::{Fields, NO_PLACE, PROSE, TEXT, prose_analyzer, text_analyzer};

/// Memory the writer may buffer before it flushes a segment.
const WRITER_BUDGET: usize = 20_000_000;
/// Bumped whenever the schema or the way documents are built changes: an
/// index of another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 12;

/// Bytes of stored documents compressed together. A page reads one whole
/// block per hit to take one document out of it; tantivy's 16 KB held about
/// twenty documents, and decompressing them was 5 % of a search at 100k.
const DOC_STORE_BLOCK: usize = 4096;

fn settings() -> IndexSettings {
    IndexSettings {
        docstore_blocksize: DOC_STORE_BLOCK,
        ..IndexSettings::default()
    }
}

/// FNV-1a: the same number for the same key on every run and platform.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What the last commit recorded: the change-log position it covers, and the
/// schema version it was built with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Committed {
    /// Every change up to here is in the index.
    pub seq: i64,
    /// [`SCHEMA_VERSION`] of the index.
    pub schema: u32,
}

/// A search failure (never the caller's input: that is checked before).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index failed.
    #[error("search index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index directory could not be opened.
    #[error("cannot open the search index: {0}")]
    Open(String),
    /// Another process (a running server, a reindex) writes to this index.
    #[error("the search index is in use by another coophub process")]
    Busy,
}

/// Spellings of skills by key, and the slug each means.
type Spellings = std::collections::HashMap<String, String>;

/// The search index.
pub struct SearchIndex {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    writer: Mutex<IndexWriter>,
    /// Relevance totals over visible documents, per reader generation.
    pub(crate) totals: crate::statistics::TotalsCache,
    /// Facet terms' names per segment.
    pub(crate) facet_tables: Arc<FacetTables>,
    /// Every spelling of a skill (by key) and its slug, kept by the indexer.
    spellings: std::sync::RwLock<std::sync::Arc<Spellings>>,
    /// Approved co-ops per skill, for the last reader generation asked about.
    pub(crate) usage: crate::usage::UsageCache,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// An index in memory (tests, benchmarks).
    pub fn in_ram() -> Result<Self, SearchError> {
        let (schema, fields) = Fields::build();
        let index = Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_ram()?;
        Self::with_index(index, fields)
    }

    /// The index in `dir`, created if absent.
    pub fn open_or_create(dir: &Path) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| SearchError::Open(format!("{}: {e}", dir.display())))?;
        let (schema, fields) = Fields::build();
        let directory = MmapDirectory::open(dir).map_err(|e| SearchError::Open(e.to_string()))?;
        let index = Index::builder()
            .schema(schema)
            .settings(settings())
            .open_or_create(directory)?;
        // Settings are the index's own once it exists: an index of other
        // ones is rebuilt (by the caller), as one of another schema is.
        let blocks = index.settings().docstore_blocksize;
        if blocks != DOC_STORE_BLOCK {
            return Err(SearchError::Open(format!(
                "{}: stored documents in blocks of {blocks} bytes, not {DOC_STORE_BLOCK}",
                dir.display()
            )));
        }
        Self::with_index(index, fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<Self, SearchError> {
        index.tokenizers().register(TEXT, text_analyzer());
        index.tokenizers().register(PROSE, prose_analyzer());
        let facet_tables = Arc::new(FacetTables::default());
        let warmer: Weak<dyn Warmer> = Arc::downgrade(&facet_tables) as Weak<dyn Warmer>;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .warmers(vec![warmer])
            .try_into()?;
        let writer =
            index
                .writer_with_num_threads(1, WRITER_BUDGET)
                .map_err(|error| match error {
                    tantivy::TantivyError::LockFailure(
                        tantivy::directory::error::LockError::LockBusy,
                        _,
                    ) => SearchError::Busy,
                    other => SearchError::Index(other),
                })?;
        Ok(Self {
            index,
            reader,
            fields,
            writer: Mutex::new(writer),
            totals: Default::default(),
            facet_tables,
            spellings: Default::default(),
            usage: Default::default(),
        })
    }

    /// Replaces the spellings of skills (alias key → slug) that queries
    /// resolve words with: the indexer loads them at start and again when the
    /// change log says the vocabulary changed, so no query asks the database.
    pub fn set_spellings(&self, spellings: Spellings) {
        if let Ok(mut kept) = self.spellings.write() {
            *kept = std::sync::Arc::new(spellings);
        }
    }

    /// The skill `word` is a spelling of, if any.
    pub fn skill_of(&self, word: &str) -> Option<String> {
        let kept = self.spellings.read().ok()?.clone();
        kept.get(&coophub_domain::skills::skill_key(word)).cloned()
    }

    /// What the last commit recorded, if anything was ever committed.
    pub fn committed(&self) -> Result<Option<Committed>, SearchError> {
        let payload = self.index.load_metas()?.payload;
        Ok(payload.and_then(|p| {
            let (seq, schema) = p.split_once('/')?;
            Some(Committed {
                seq: seq.parse().ok()?,
                schema: schema.parse().ok()?,
            })
        }))
    }

    /// Replaces `upserts` (by kind and id), removes `deletes`, commits with
    /// `seq` as the log position covered, and reloads the reader: when this
    /// returns, searches see the change.
    pub fn apply_at(
        &self,
        seq: i64,
        upserts: &[SearchDocument],
        deletes: &[(DocKind, String)],
    ) -> Result<(), SearchError> {
        self.write(Some(seq), upserts, deletes)
    }

    /// As [`SearchIndex::apply_at`], without recording a log position (tests, benchmarks).
    pub fn apply(
        &self,
        upserts: &[SearchDocument],
        deletes: &[(DocKind, String)],
    ) -> Result<(), SearchError> {
        self.write(None, upserts, deletes)
    }

    fn write(
        &self,
        seq: Option<i64>,
        upserts: &[SearchDocument],
        deletes: &[(DocKind, String)],
    ) -> Result<(), SearchError> {
        let mut writer = self.lock_writer();
        for (kind, id) in deletes {
            writer.delete_term(Term::from_field_text(self.fields.key, &key(*kind, id)));
        }
        for doc in upserts {
            writer.delete_term(Term::from_field_text(self.fields.key, &doc.key()));
            writer.add_document(self.to_tantivy(doc))?;
        }
        self.commit(&mut writer, seq)
    }

    /// The writer, even if a thread panicked while holding it: tantivy keeps
    /// its own state consistent, and the indexer applies again every change
    /// its cursor had not recorded.
    pub(crate) fn lock_writer(&self) -> MutexGuard<'_, IndexWriter> {
        self.writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Commits what `writer` holds (recording `seq`, if any) and reloads the reader.
    pub(crate) fn commit(
        &self,
        writer: &mut IndexWriter,
        seq: Option<i64>,
    ) -> Result<(), SearchError> {
        let mut commit = writer.prepare_commit()?;
        if let Some(seq) = seq {
            commit.set_payload(&format!("{seq}/{SCHEMA_VERSION}"));
        }
        commit.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Number of documents searchable now.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn to_tantivy(&self, doc: &SearchDocument) -> TantivyDocument {
        let f = &self.fields;
        let mut out = TantivyDocument::default();
        out.add_text(f.key, doc.key());
        out.add_text(f.kind, doc.kind.as_str());
        out.add_text(f.id, &doc.id);
        if let Some(slug) = &doc.slug {
            out.add_text(f.slug, slug);
        }
        out.add_text(f.title, &doc.title);
        if doc.kind == DocKind::Coop {
            out.add_text(f.name_order, doc.title.to_lowercase());
        }
        out.add_text(f.summary, &doc.summary);
        out.add_text(f.description, &doc.description);
        for client in &doc.clients {
            out.add_text(f.clients, client);
        }
        for skill in &doc.skills {
            out.add_text(f.skills, &skill.slug);
            for _ in 0..skill.level.clamp(1, 5) {
                out.add_text(f.skills_text, &skill.name);
            }
        }
        let region = doc.region.as_deref().map(str::to_lowercase);
        if let Some(region) = &region {
            out.add_text(f.region, region);
        }
        out.add_text(f.region_facet, region.unwrap_or_default());
        out.add_text(
            f.legal_form_facet,
            doc.legal_form.as_deref().unwrap_or_default(),
        );
        if let Some(country) = &doc.country {
            out.add_text(f.country, country.to_uppercase());
        }
        if let Some(form) = &doc.legal_form {
            out.add_text(f.legal_form, form);
        }
        for cell in doc.location.into_iter().flat_map(crate::cells::cells_of) {
            out.add_text(f.cell, cell);
        }
        let (lat, lon) = doc.location.unwrap_or((NO_PLACE, NO_PLACE));
        out.add_f64(f.latitude, lat);
        out.add_f64(f.longitude, lon);
        out.add_bool(f.public, doc.public);
        if let Some(standing) = &doc.standing {
            out.add_text(f.status, &standing.status);
            if let Some(until) = standing.invited_until {
                out.add_i64(f.invited_until, until);
            }
            if let Some(shares) = standing.shares_experience {
                out.add_text(f.shares_experience, if shares { "yes" } else { "no" });
            }
        }
        out.add_i64(f.updated, doc.updated);
        out.add_u64(f.tiebreak, stable_hash(&doc.key()));
        out.add_i64(f.expires, doc.expires.unwrap_or(i64::MAX));
        if let Some(availability) = doc.availability {
            out.add_f64(f.avail_days, availability.days_per_week);
            out.add_i64(f.avail_from, availability.from_day);
            out.add_i64(f.avail_confirmed, availability.reconfirmed_at);
        }
        out
    }
}
