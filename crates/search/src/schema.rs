//! The index schema and its text analysis.

use crate::fold::JoinCoop;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// Name of the analyzer for names and skills: words, lower case, ASCII folding.
pub(crate) const TEXT: &str = "coophub_text";
/// Name of the analyzer for prose (summaries, descriptions): as [`TEXT`], then
/// English stemming, so that "developing" finds "developers".
pub(crate) const PROSE: &str = "coophub_prose";

/// The latitude and longitude of a document without a place: no real one
/// is that large, so no bounding box holds it. Every document has a value,
/// so the columns are dense: reading one costs no lookup of which rows
/// have one (those were 4 % of a search at 100k).
pub(crate) const NO_PLACE: f64 = 1_000.0;

/// Every field of the index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// `kind:id`, unique; used to replace and delete documents.
    pub key: Field,
    pub kind: Field,
    pub id: Field,
    pub slug: Field,
    pub title: Field,
    pub summary: Field,
    pub description: Field,
    /// A co-op's clients, one value each: searched as part of the
    /// description, kept apart so that a hit can say it matched a client.
    pub clients: Field,
    /// Skill names as text; a person's skill repeats with its level, so that
    /// level 5 ranks above level 2.
    pub skills_text: Field,
    /// Canonical skill slugs, exact.
    pub skills: Field,
    /// Lower-cased region, exact.
    pub region: Field,
    /// Upper-case country code, exact.
    pub country: Field,
    pub legal_form: Field,
    pub latitude: Field,
    pub longitude: Field,
    /// The grid cells its place lies in (see [`crate::cells`]).
    pub cell: Field,
    /// Whether anonymous clients may find it.
    pub public: Field,
    /// A co-op's recorded membership status, exact.
    pub status: Field,
    /// When a co-op's invitation runs out (seconds since the epoch).
    pub invited_until: Field,
    /// `yes` or `no`: whether a co-op said it is happy to share experience.
    pub shares_experience: Field,
    /// Seconds since the epoch of the last change.
    pub updated: Field,
    /// A stable hash of the key: the last tie-break.
    pub tiebreak: Field,
    /// Availability: days a week, first free day, last reconfirmation.
    pub avail_days: Field,
    pub avail_from: Field,
    pub avail_confirmed: Field,
    /// Seconds since the epoch after which the document is not found.
    pub expires: Field,
    /// A co-op's name in lower case, a column only: suggest lists names
    /// in this order without reading stored documents.
    pub name_order: Field,
    /// The region and the legal form as counted in facets: a column only,
    /// with a value in every document ("" for none), so that counting reads
    /// a dense column instead of looking up each document's row in an
    /// optional one (a tenth of a broad search's time at 100k).
    pub region_facet: Field,
    /// See `region_facet`.
    pub legal_form_facet: Field,
}

impl Fields {
    /// Fast-field column names read by the collector.
    pub(crate) const KIND: &'static str = "kind";
    pub(crate) const REGION: &'static str = "region_facet";
    pub(crate) const LEGAL_FORM: &'static str = "legal_form_facet";
    pub(crate) const SKILLS: &'static str = "skills";
    pub(crate) const LATITUDE: &'static str = "latitude";
    pub(crate) const LONGITUDE: &'static str = "longitude";
    pub(crate) const UPDATED: &'static str = "updated";
    pub(crate) const TIEBREAK: &'static str = "tiebreak";
    pub(crate) const NAME_ORDER: &'static str = "name_order";

    /// The schema and its fields.
    pub(crate) fn build() -> (Schema, Self) {
        let mut builder = Schema::builder();
        let text = |analyzer: &str, stored: bool| {
            let options = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analyzer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            );
            if stored {
                options.set_stored()
            } else {
                options
            }
        };
        let exact = STRING | STORED | FAST;
        // A column only (neither searched nor stored).
        let column = TextOptions::default().set_fast("raw");
        let fields = Self {
            // Searched only to replace or delete a document, never shown.
            key: builder.add_text_field("key", STRING),
            kind: builder.add_text_field("kind", exact.clone()),
            // Shown only: a record is found by `key` (a dictionary of every
            // id and slug cost a rebuild a quarter of its time).
            id: builder.add_text_field("id", STORED),
            slug: builder.add_text_field("slug", STORED),
            title: builder.add_text_field("title", text(TEXT, true)),
            summary: builder.add_text_field("summary", text(PROSE, true)),
            description: builder.add_text_field("description", text(PROSE, false)),
            clients: builder.add_text_field("clients", text(TEXT, true)),
            skills_text: builder.add_text_field("skills_text", text(TEXT, true)),
            skills: builder.add_text_field("skills", exact.clone()),
            region: builder.add_text_field("region", STRING | STORED),
            country: builder.add_text_field("country", exact.clone()),
            legal_form: builder.add_text_field("legal_form", STRING | STORED),
            latitude: builder.add_f64_field("latitude", FAST),
            longitude: builder.add_f64_field("longitude", FAST),
            cell: builder.add_text_field("cell", STRING),
            public: builder.add_bool_field("public", INDEXED | FAST),
            status: builder.add_text_field("status", STRING),
            invited_until: builder.add_i64_field("invited_until", INDEXED),
            shares_experience: builder.add_text_field("shares_experience", STRING),
            updated: builder.add_i64_field("updated", STORED | FAST),
            tiebreak: builder.add_u64_field("tiebreak", FAST),
            // Ranges over a column (tantivy reads a fast field's range from
            // it, never from an inverted index, which would only cost a rebuild).
            avail_days: builder.add_f64_field("avail_days", FAST),
            avail_from: builder.add_i64_field("avail_from", FAST),
            avail_confirmed: builder.add_i64_field("avail_confirmed", FAST),
            expires: builder.add_i64_field("expires", INDEXED),
            name_order: builder.add_text_field(Self::NAME_ORDER, column.clone()),
            region_facet: builder.add_text_field(Self::REGION, column.clone()),
            legal_form_facet: builder.add_text_field(Self::LEGAL_FORM, column),
        };
        (builder.build(), fields)
    }
}

/// The analyzer registered as [`TEXT`] (see [`JoinCoop`] for "co-op").
pub(crate) fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(JoinCoop)
        .build()
}

/// The analyzer registered as [`PROSE`].
pub(crate) fn prose_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(JoinCoop)
        .filter(Stemmer::new(Language::English))
        .build()
}
