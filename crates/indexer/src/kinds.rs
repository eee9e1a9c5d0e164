//! The kinds of record the index holds, and how to read each one's documents:
//! for a page of co-ops (a rebuild) and for the ids the change log names
//! (catch-up). Each kind is one [`Kind`] in [`KINDS`] (and its entity in the
//! change log); offers and requests follow their co-op like people do.

use std::collections::HashMap;

use coophub_domain::coop::Coop;
use coophub_search::{
    DocKind, SearchDocument, coop_document, offer_document, opportunity_document, person_document,
    request_document,
};
use coophub_store::bidding::opportunities;
use coophub_store::changes::Entity;
use coophub_store::sharing::{offers, requests};
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
pub(crate) const KINDS: &[&dyn Kind] = &[&Coops, &People, &Offers, &Requests, &Opportunities];

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
        let mut seen = CoopsSeen(HashMap::new());
        let mut documents = Vec::new();
        for id in ids {
            if let Some(person) = people::find(conn, *id)?
                && let Some(coop) = seen.get(conn, person.coop_id)?
            {
                documents.push(person_document(&person, coop));
            }
        }
        Ok(documents)
    }
}

/// The co-ops of `ids`' records, read once each.
struct CoopsSeen(HashMap<Uuid, Option<Coop>>);

impl CoopsSeen {
    fn get(&mut self, conn: &mut DbConnection, id: Uuid) -> Result<Option<&Coop>, StoreError> {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.0.entry(id) {
            slot.insert(coops::find_by_id(conn, id)?);
        }
        Ok(self.0.get(&id).and_then(Option::as_ref))
    }
}

/// The documents of the records `ids` (read with `find`) that belong to a
/// co-op (`coop_of`), each co-op read once; `document` decides which have one.
fn of_coop_records<T>(
    conn: &mut DbConnection,
    ids: &[Uuid],
    find: fn(&mut DbConnection, Uuid) -> Result<Option<T>, StoreError>,
    coop_of: fn(&T) -> Uuid,
    document: fn(&T, &Coop) -> Option<SearchDocument>,
) -> Result<Vec<SearchDocument>, StoreError> {
    let mut seen = CoopsSeen(HashMap::new());
    let mut documents = Vec::new();
    for id in ids {
        if let Some(record) = find(conn, *id)?
            && let Some(coop) = seen.get(conn, coop_of(&record))?
        {
            documents.extend(document(&record, coop));
        }
    }
    Ok(documents)
}

/// Offers: only the open ones of member co-ops have documents.
struct Offers;

impl Kind for Offers {
    fn entity(&self) -> Entity {
        Entity::Offer
    }

    fn doc_kind(&self) -> DocKind {
        DocKind::Offer
    }

    fn for_coops(
        &self,
        conn: &mut DbConnection,
        coops: &[Coop],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let by_id: HashMap<_, _> = coops.iter().map(|coop| (coop.id, coop)).collect();
        let ids: Vec<_> = by_id.keys().copied().collect();
        Ok(offers::of_coops(conn, &ids)?
            .iter()
            .filter_map(|offer| offer_document(offer, by_id.get(&offer.coop_id)?))
            .collect())
    }

    fn for_ids(
        &self,
        conn: &mut DbConnection,
        ids: &[Uuid],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        of_coop_records(conn, ids, offers::find, |o| o.coop_id, offer_document)
    }
}

/// Requests: only the open ones of member co-ops have documents.
struct Requests;

impl Kind for Requests {
    fn entity(&self) -> Entity {
        Entity::Request
    }

    fn doc_kind(&self) -> DocKind {
        DocKind::Request
    }

    fn for_coops(
        &self,
        conn: &mut DbConnection,
        coops: &[Coop],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let by_id: HashMap<_, _> = coops.iter().map(|coop| (coop.id, coop)).collect();
        let ids: Vec<_> = by_id.keys().copied().collect();
        Ok(requests::of_coops(conn, &ids)?
            .iter()
            .filter_map(|request| request_document(request, by_id.get(&request.coop_id)?))
            .collect())
    }

    fn for_ids(
        &self,
        conn: &mut DbConnection,
        ids: &[Uuid],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        of_coop_records(conn, ids, requests::find, |r| r.coop_id, request_document)
    }
}

/// Opportunities belong to no co-op: a rebuild pages through them after the
/// co-ops ([`opportunity_page`]); catch-up reads them by id.
struct Opportunities;

impl Kind for Opportunities {
    fn entity(&self) -> Entity {
        Entity::Opportunity
    }

    fn doc_kind(&self) -> DocKind {
        DocKind::Opportunity
    }

    fn for_coops(
        &self,
        _: &mut DbConnection,
        _: &[Coop],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        Ok(Vec::new())
    }

    fn for_ids(
        &self,
        conn: &mut DbConnection,
        ids: &[Uuid],
    ) -> Result<Vec<SearchDocument>, StoreError> {
        let mut documents = Vec::new();
        for id in ids {
            if let Some(opportunity) = opportunities::find(conn, *id)? {
                documents.extend(opportunity_document(&opportunity));
            }
        }
        Ok(documents)
    }
}

/// The documents of a page of opportunities after `after`, and the last id.
pub(crate) fn opportunity_page(
    conn: &mut DbConnection,
    after: Option<Uuid>,
    limit: usize,
) -> Result<(Vec<SearchDocument>, Option<Uuid>), StoreError> {
    let page = opportunities::page_after(conn, after, limit)?;
    let last = page.last().map(|o| o.id);
    Ok((page.iter().filter_map(opportunity_document).collect(), last))
}
