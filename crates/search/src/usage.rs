//! How many approved co-ops list each skill, as the index holds them: the
//! order suggest offers skills in. Counted once per reader generation, over
//! the co-ops' skill column (about a millisecond at 10,000 co-ops), instead
//! of by the database on every keystroke.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use coophub_domain::coop::MembershipStatus;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Term};

use crate::best::Ranking;
use crate::collect::MatchCollector;
use crate::document::DocKind;
use crate::index::{SearchError, SearchIndex};

/// Approved co-ops per skill slug.
pub type SkillUsage = Arc<HashMap<String, u64>>;

/// The counts of the last reader generation asked about.
#[derive(Debug, Default)]
pub(crate) struct UsageCache(Mutex<Option<(u64, SkillUsage)>>);

impl SearchIndex {
    /// How many approved co-ops list each skill (as a technology or a
    /// service), as searches see the index now.
    pub fn coop_skill_usage(&self) -> Result<SkillUsage, SearchError> {
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        if let Ok(kept) = self.usage.0.lock()
            && let Some((counted, usage)) = kept.as_ref()
            && *counted == generation
        {
            return Ok(usage.clone());
        }
        let term = |field, text: &str| -> (Occur, Box<dyn Query>) {
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, text),
                    IndexRecordOption::Basic,
                )),
            )
        };
        let approved_coops = BooleanQuery::new(vec![
            term(self.fields.kind, DocKind::Coop.as_str()),
            term(self.fields.status, MembershipStatus::Approved.as_str()),
        ]);
        let collected = searcher.search(
            &approved_coops,
            // Nothing is kept, so nothing is ranked.
            &MatchCollector::over(
                &self.facet_tables,
                None,
                Ranking::Score {
                    nearer_ranks_higher: false,
                },
                0,
            ),
        )?;
        let usage: SkillUsage = Arc::new(collected.skill);
        if let Ok(mut kept) = self.usage.0.lock() {
            *kept = Some((generation, usage.clone()));
        }
        Ok(usage)
    }
}
