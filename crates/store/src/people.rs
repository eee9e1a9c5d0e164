//! People: create, read, list per co-op, update under version checks,
//! reconfirm availability, delete.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::person::{Availability, Person, PersonInput, PersonSkill, Visibility};
use coophub_domain::skills::{Skill, SkillCategory};
use diesel::prelude::*;
use uuid::Uuid;

use crate::changes::{self, Entity};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{people, person_skills, skills};
use crate::skills::SkillRow;
use crate::transaction::{self, Row};
use crate::{Page, time, versioning};

#[derive(
    Debug,
    Clone,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
    serde::Serialize,
    serde::Deserialize,
)]
#[diesel(table_name = people, treat_none_as_null = true)]
pub(crate) struct PersonRow {
    id: String,
    coop_id: String,
    name: String,
    headline: String,
    bio: String,
    days_per_week: Option<f64>,
    available_from: Option<NaiveDate>,
    availability_reconfirmed_at: Option<NaiveDateTime>,
    day_rate: Option<i32>,
    visibility: String,
    user_id: Option<String>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    #[serde(default)]
    contact: Option<String>,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in people row").into(),
    ))
}

fn uuid(text: &str, what: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|_| corrupt(what))
}

impl PersonRow {
    fn new(
        id: Uuid,
        coop_id: Uuid,
        input: &PersonInput,
        user_id: Option<Uuid>,
        version: i32,
        created: NaiveDateTime,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id: id.to_string(),
            coop_id: coop_id.to_string(),
            name: input.name.clone(),
            headline: input.headline.clone(),
            bio: input.bio.clone(),
            days_per_week: input.availability.map(|(days, _)| days),
            available_from: input.availability.map(|(_, from)| from),
            // Stating availability is confirming it.
            availability_reconfirmed_at: input.availability.map(|_| time::to_db(now)),
            day_rate: input.day_rate,
            visibility: input.visibility.as_str().to_owned(),
            user_id: user_id.map(|u| u.to_string()),
            version,
            created_at: created,
            updated_at: time::to_db(now),
            contact: crate::contact::to_db(&input.contact),
        }
    }

    fn into_person(self, skills: Vec<PersonSkill>) -> Result<Person, StoreError> {
        let availability = match (
            self.days_per_week,
            self.available_from,
            self.availability_reconfirmed_at,
        ) {
            (Some(days_per_week), Some(from), Some(at)) => Some(Availability {
                days_per_week,
                from,
                reconfirmed_at: time::from_db(at),
            }),
            _ => None,
        };
        Ok(Person {
            id: uuid(&self.id, "id")?,
            coop_id: uuid(&self.coop_id, "coop_id")?,
            name: self.name,
            headline: self.headline,
            bio: self.bio,
            skills,
            availability,
            day_rate: self.day_rate,
            visibility: Visibility::parse(&self.visibility).ok_or_else(|| corrupt("visibility"))?,
            user_id: self
                .user_id
                .as_deref()
                .map(|u| uuid(u, "user_id"))
                .transpose()?,
            contact: crate::contact::from_db(self.contact.as_deref())
                .ok_or_else(|| corrupt("contact"))?,
            version: self.version,
            created_at: time::from_db(self.created_at),
            updated_at: time::from_db(self.updated_at),
        })
    }
}

fn with_skills(conn: &mut DbConnection, rows: Vec<PersonRow>) -> Result<Vec<Person>, StoreError> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let links: Vec<(String, i32, i32, SkillRow)> = person_skills::table
        .inner_join(skills::table)
        .filter(person_skills::person_id.eq_any(&ids))
        .order((person_skills::person_id, person_skills::position))
        .select((
            person_skills::person_id,
            person_skills::level,
            person_skills::interest,
            SkillRow::as_select(),
        ))
        .load(conn)?;
    let mut by_person: HashMap<String, Vec<PersonSkill>> = HashMap::new();
    for (person, level, interest, skill) in links {
        let level = u8::try_from(level).map_err(|_| corrupt("level"))?;
        let interest = u8::try_from(interest).map_err(|_| corrupt("interest"))?;
        by_person.entry(person).or_default().push(PersonSkill {
            skill: Skill::from(skill),
            level,
            interest,
        });
    }
    rows.into_iter()
        .map(|row| {
            let skills = by_person.remove(&row.id).unwrap_or_default();
            row.into_person(skills)
        })
        .collect()
}

fn write_skills(
    conn: &mut DbConnection,
    person_id: &str,
    input: &PersonInput,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    // Skills first, links after: the order a skill merge takes its locks in.
    let resolved = input
        .skills
        .iter()
        .map(|item| {
            crate::skills::resolve(conn, &item.name, SkillCategory::Technology, now)
                .map(|skill| (skill, item))
        })
        .collect::<Result<Vec<_>, _>>()?;
    diesel::delete(person_skills::table.filter(person_skills::person_id.eq(person_id)))
        .execute(conn)?;
    let mut seen = std::collections::HashSet::new();
    for (skill, item) in resolved {
        if !seen.insert(skill.slug.clone()) {
            continue;
        }
        diesel::insert_into(person_skills::table)
            .values((
                person_skills::person_id.eq(person_id),
                person_skills::skill_slug.eq(&skill.slug),
                person_skills::level.eq(i32::from(item.level)),
                person_skills::interest.eq(i32::from(item.interest)),
                person_skills::position.eq(i32::try_from(seen.len()).unwrap_or(i32::MAX)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The people of these co-ops (at most [`crate::CHUNK`] co-ops: databases
/// bound the number of query parameters), for rebuilding the search index a
/// page of co-ops at a time.
pub fn of_coops(conn: &mut DbConnection, coop_ids: &[Uuid]) -> Result<Vec<Person>, StoreError> {
    let ids: Vec<String> = coop_ids.iter().map(Uuid::to_string).collect();
    let rows = people::table
        .filter(people::coop_id.eq_any(&ids))
        .order(people::id)
        .select(PersonRow::as_select())
        .load(conn)?;
    let mut found = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(crate::CHUNK) {
        found.extend(with_skills(conn, chunk.to_vec())?);
    }
    Ok(found)
}

/// The person with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Person>, StoreError> {
    let row = people::table
        .find(id.to_string())
        .select(PersonRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_skills(conn, row.into_iter().collect())?.pop())
}

/// The ids of the profiles linked to account `user` (one per co-op at most, usually one).
pub fn linked_to(conn: &mut DbConnection, user: Uuid) -> Result<Vec<Uuid>, StoreError> {
    let ids: Vec<String> = people::table
        .filter(people::user_id.eq(user.to_string()))
        .select(people::id)
        .load(conn)?;
    ids.iter().map(|id| uuid(id, "id")).collect()
}

/// The person with `id`, locked until the end of the enclosing write transaction.
pub fn find_for_update(conn: &mut DbConnection, id: Uuid) -> Result<Option<Person>, StoreError> {
    transaction::lock(conn, Row::Person(&id.to_string()))?;
    find(conn, id)
}

/// A page of a co-op's people in name order (public ones only when `public_only`), and the total.
pub fn list_for_coop(
    conn: &mut DbConnection,
    coop_id: Uuid,
    public_only: bool,
    page: Page,
) -> Result<(Vec<Person>, i64), StoreError> {
    let filtered = || {
        let mut query = people::table
            .filter(people::coop_id.eq(coop_id.to_string()))
            .into_boxed();
        if public_only {
            query = query.filter(people::visibility.eq(Visibility::Public.as_str()));
        }
        query
    };
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((people::name, people::id))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(PersonRow::as_select())
        .load(conn)?;
    Ok((with_skills(conn, rows)?, total))
}

/// The person `id` as just written.
fn as_written(conn: &mut DbConnection, id: Uuid) -> Result<Person, StoreError> {
    find(conn, id)?.ok_or(StoreError::NotFound)
}

/// Adds a person to a co-op, optionally linked to the account that may edit it.
pub fn insert(
    conn: &mut DbConnection,
    coop_id: Uuid,
    input: &PersonInput,
    user_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Person, StoreError> {
    crate::write(conn, |conn| {
        if !transaction::lock(conn, Row::CoopById(&coop_id.to_string()))? {
            return Err(StoreError::NotFound);
        }
        let id = Uuid::new_v4();
        let row = PersonRow::new(id, coop_id, input, user_id, 1, time::to_db(now), now);
        diesel::insert_into(people::table)
            .values(&row)
            .execute(conn)?;
        write_skills(conn, &row.id, input, now)?;
        changes::record(conn, Entity::Person, id, now)?;
        as_written(conn, id)
    })
}

/// Locks and reads the person for a change (`Stale` if `expected` is not its version).
fn current(
    conn: &mut DbConnection,
    id: Uuid,
    expected: Option<&Expected>,
) -> Result<Person, StoreError> {
    transaction::lock(conn, Row::Person(&id.to_string()))?;
    let person = find(conn, id)?.ok_or(StoreError::NotFound)?;
    versioning::expect(expected, person.version)?;
    Ok(person)
}

fn write_row(conn: &mut DbConnection, row: &PersonRow, version: i32) -> Result<(), StoreError> {
    let written = diesel::update(
        people::table
            .filter(people::id.eq(&row.id))
            .filter(people::version.eq(version)),
    )
    .set(row)
    .execute(conn)?;
    versioning::written(conn, written, Row::Person(&row.id))
}

/// Replaces a person's profile and skills; `user_id` is the (possibly new) linked account.
pub fn update(
    conn: &mut DbConnection,
    id: Uuid,
    expected: Option<&Expected>,
    input: &PersonInput,
    user_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Person, StoreError> {
    crate::write(conn, |conn| {
        let person = current(conn, id, expected)?;
        let row = PersonRow::new(
            id,
            person.coop_id,
            input,
            user_id,
            person.version + 1,
            time::to_db(person.created_at),
            now,
        );
        write_row(conn, &row, person.version)?;
        write_skills(conn, &row.id, input, now)?;
        changes::record(conn, Entity::Person, id, now)?;
        as_written(conn, id)
    })
}

/// Confirms that the stated availability still holds; `None` if none is stated.
pub fn reconfirm(
    conn: &mut DbConnection,
    id: Uuid,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<Option<Person>, StoreError> {
    crate::write(conn, |conn| {
        let person = current(conn, id, expected)?;
        if person.availability.is_none() {
            return Ok(None);
        }
        let written = diesel::update(
            people::table
                .filter(people::id.eq(id.to_string()))
                .filter(people::version.eq(person.version)),
        )
        .set((
            people::availability_reconfirmed_at.eq(time::to_db(now)),
            people::version.eq(person.version + 1),
            people::updated_at.eq(time::to_db(now)),
        ))
        .execute(conn)?;
        versioning::written(conn, written, Row::Person(&id.to_string()))?;
        changes::record(conn, Entity::Person, id, now)?;
        as_written(conn, id).map(Some)
    })
}

/// Deletes a person, leaving a tombstone.
pub fn delete(
    conn: &mut DbConnection,
    id: Uuid,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    crate::write(conn, |conn| {
        let person = current(conn, id, expected)?;
        let deleted = diesel::delete(
            people::table
                .filter(people::id.eq(id.to_string()))
                .filter(people::version.eq(person.version)),
        )
        .execute(conn)?;
        versioning::written(conn, deleted, Row::Person(&id.to_string()))?;
        crate::alerts::talent::forget(conn, id)?;
        changes::record(conn, Entity::Person, id, now)?;
        let coop_was_shown = crate::coops::find_by_id(conn, person.coop_id)?
            .is_some_and(|coop| coop.membership.ever_approved());
        let record = versioning::Buried {
            entity: "person",
            id: &id.to_string(),
            slug: None,
            public: coop_was_shown && person.visibility == Visibility::Public,
        };
        versioning::bury(conn, record, now)
    })
}
