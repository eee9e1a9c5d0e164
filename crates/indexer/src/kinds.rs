//! The kinds of record the index holds, and how to read each one's documents:
//! for a page of co-ops (a rebuild) and for the ids the change log names
//! (catch-up). Adding offers, requests or opportunities is one more [`Kind`]
//! in [`KINDS`] (and its entity in the change log).

use std::collections::HashMap;

use coophub_domain::coop::Coop;
use coophub_search::{DocKind, SearchDocument, coop_document, person_document};
use coophub_store::changes::Entity;
use coophub_store::{DbConnection, StoreError, coops, people};
use uuid::Uuid;

/// One kind of indexed record.
pub(crate) trait Kind: Sync {
    /// The change-log entity whose changes this kind follows.
    fn entity(&self) -> Entity;
    /// The kind of its documents in the index.
    fn doc_kind(&self) -> DocKind;
    /// The documents of the records that belong to this page of co-ops.
    fn for_coops(
        &self,
        conn: &mut DbConnection,
        coops: &[Coop],
    ) -> Result<Vec<SearchDocument>, StoreError>;
    /// The current documents of the records `ids`; a record that is gone has none.
    fn for_ids(
        &self,
        conn: &mut DbConnection,
        ids: &[Uuid],
    ) -> Result<Vec<SearchDocument>, StoreError>;
}

/// Every kind the index holds, in the order a rebuild adds them.
pub(crate) const KINDS: &[&dyn Kind] = &[&Coops, &People];

/// Co-ops.
struct Coops;

impl Kind for Coops {
    fn entity(&self) -> Entity {
        Entity::Coop
    }

    fn doc_kind(&self) -> DocKind {
        DocKind::Coop
    }

    fn for_coops(
        &self,
        _: &mut DbConnection,
        coops: &[Coop],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        Ok(coops.iter().map(coop_document).collect())
    }

    fn for_ids(
        &self,
        conn: &mut DbConnection,
        ids: &[Uuid],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let mut documents = Vec::new();
        for id in ids {
            if let Some(coop) = coops::find_by_id(conn, *id)? {
                documents.push(coop_document(&coop));
            }
        }
        Ok(documents)
    }
}

/// People: their documents carry their co-op's place and visibility.
struct People;

impl Kind for People {
    fn entity(&self) -> Entity {
        Entity::Person
    }

    fn doc_kind(&self) -> DocKind {
        DocKind::Person
    }

    fn for_coops(
        &self,
        conn: &mut DbConnection,
        coops: &[Coop],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let by_id: HashMap<_, _> = coops.iter().map(|coop| (coop.id, coop)).collect();
        let ids: Vec<_> = by_id.keys().copied().collect();
        Ok(people::of_coops(conn, &ids)?
            .iter()
            .filter_map(|person| {
                let coop = by_id.get(&person.coop_id)?;
                Some(person_document(person, coop))
            })
            .collect())
    }

    fn for_ids(
        &self,
        conn: &mut DbConnection,
        ids: &[Uuid],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let mut coops_seen: HashMap<Uuid, Option<Coop>> = HashMap::new();
        let mut documents = Vec::new();
        for id in ids {
            let Some(person) = people::find(conn, *id)? else {
                continue;
            };
            let coop = match coops_seen.entry(person.coop_id) {
                std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(coops::find_by_id(conn, person.coop_id)?)
                }
            };
            if let Some(coop) = coop.as_ref() {
                documents.push(person_document(&person, coop));
            }
        }
        Ok(documents)
    }
}
