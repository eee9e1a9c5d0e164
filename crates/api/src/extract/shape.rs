//! Reading JSON into a request type while reporting *every* value that does
//! not fit, not only the first: serde stops at the first problem, so each one
//! found is recorded at its JSON Pointer, the value is replaced by a stand-in
//! of a type that fits (or an unknown field is dropped), and reading starts
//! again. What comes out is the request with stand-ins, to be checked further
//! by the domain, and the problems, in plain words.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use coophub_domain::{FieldError, ValidationErrors};

/// More problems than this in one body are not worth listing.
const MOST_PROBLEMS: usize = 32;

/// A request read from JSON: `value` when one could be built (with stand-ins
/// where `problems` point), and what did not fit.
#[derive(Debug)]
pub struct Shaped<T> {
    /// The request, if every problem could be stood in for.
    pub value: Option<T>,
    /// The values that did not fit, each at its pointer.
    pub problems: ValidationErrors,
}

/// One problem serde reported, and where.
struct Misfit {
    /// Pointer to the value (for a missing or unknown field: to that field).
    pointer: String,
    /// What to tell the client.
    message: String,
    /// Whether the field is one the type does not have (dropped, not replaced).
    unknown: bool,
    /// For an unknown enum variant: one the type does have, to stand in.
    variant: Option<String>,
}

/// Values tried, in turn, in place of one that did not fit.
fn stand_ins() -> [Value; 7] {
    [
        Value::Null,
        Value::String(String::new()),
        // Fits a required date.
        Value::String("1970-01-01".into()),
        Value::from(0),
        Value::Bool(false),
        Value::Array(Vec::new()),
        Value::Object(Map::new()),
    ]
}

/// Reads `document` as `T`, collecting every problem (see the module documentation).
pub fn read_all<T: DeserializeOwned>(mut document: Value) -> Shaped<T> {
    let mut problems = ValidationErrors::default();
    while problems.0.len() < MOST_PROBLEMS {
        let misfit = match first_misfit::<T>(&document) {
            Ok(value) => {
                return Shaped {
                    value: Some(value),
                    problems,
                };
            }
            Err(misfit) => misfit,
        };
        problems.0.push(FieldError::new(
            misfit.pointer.clone(),
            misfit.message.clone(),
        ));
        let repaired = if misfit.unknown {
            remove(&mut document, &misfit.pointer)
        } else {
            stand_in::<T>(&mut document, &misfit)
        };
        if !repaired {
            break;
        }
    }
    Shaped {
        value: None,
        problems,
    }
}

fn first_misfit<T: DeserializeOwned>(document: &Value) -> Result<T, Misfit> {
    serde_path_to_error::deserialize::<_, T>(document).map_err(|error| {
        let at = json_pointer(error.path());
        let message = error.into_inner().to_string();
        if let Some(field) = quoted_after(&message, "missing field ") {
            return Misfit {
                pointer: join(&at, &field),
                message: "is required".into(),
                unknown: false,
                variant: None,
            };
        }
        if let Some(field) = quoted_after(&message, "unknown field ") {
            let expected = message
                .split_once("expected ")
                .map(|(_, rest)| format!("; expected {}", rest.replace('`', "")))
                .unwrap_or_default();
            return Misfit {
                pointer: if at.ends_with(&format!("/{field}")) {
                    at
                } else {
                    join(&at, &field)
                },
                message: format!("is not a field of this request{expected}"),
                unknown: true,
                variant: None,
            };
        }
        let variant = message
            .starts_with("unknown variant ")
            .then(|| message.split_once("expected ").map(|(_, rest)| rest))
            .flatten()
            .and_then(|rest| rest.split('`').nth(1))
            .map(str::to_owned);
        Misfit {
            pointer: at,
            message: plain(&message),
            unknown: false,
            variant,
        }
    })
}

/// Replaces the value `misfit` points at (adding the field if it is
/// missing) with the first stand-in that moves the first problem elsewhere:
/// a variant the type has for an unknown one, else a value of each JSON type.
fn stand_in<T: DeserializeOwned>(document: &mut Value, misfit: &Misfit) -> bool {
    let pointer = misfit.pointer.as_str();
    if pointer.is_empty() {
        return false;
    }
    let variant = misfit.variant.clone().map(Value::String);
    for candidate in variant.into_iter().chain(stand_ins()) {
        if !put(document, pointer, candidate) {
            return false;
        }
        match first_misfit::<T>(document) {
            Err(misfit) if misfit.pointer == pointer => {}
            _ => return true,
        }
    }
    false
}

/// Sets the value at `pointer`, adding the last key to its object if need be.
fn put(document: &mut Value, pointer: &str, value: Value) -> bool {
    let Some((parent, key)) = pointer.rsplit_once('/') else {
        return false;
    };
    match document.pointer_mut(parent) {
        Some(Value::Object(fields)) => {
            fields.insert(unescape(key), value);
            true
        }
        Some(Value::Array(items)) => match key.parse::<usize>().ok().and_then(|i| items.get_mut(i))
        {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        },
        _ => false,
    }
}

fn remove(document: &mut Value, pointer: &str) -> bool {
    let Some((parent, key)) = pointer.rsplit_once('/') else {
        return false;
    };
    match document.pointer_mut(parent) {
        Some(Value::Object(fields)) => fields.remove(&unescape(key)).is_some(),
        _ => false,
    }
}

fn unescape(key: &str) -> String {
    key.replace("~1", "/").replace("~0", "~")
}

fn join(pointer: &str, field: &str) -> String {
    format!("{pointer}/{}", field.replace('~', "~0").replace('/', "~1"))
}

/// RFC 6901 pointer for a serde path (`skills[0].level` → `/skills/0/level`).
pub(super) fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.replace('~', "~0").replace('/', "~1")),
            Segment::Enum { variant } => Some(variant.clone()),
            Segment::Unknown => None,
        })
        .fold(String::new(), |mut pointer, part| {
            pointer.push('/');
            pointer.push_str(&part);
            pointer
        })
}

/// The backticked name after `prefix` in a serde message ("missing field `q`").
pub(super) fn quoted_after(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?.strip_prefix('`')?;
    rest.split_once('`').map(|(name, _)| name.to_owned())
}

/// A serde or parser message in plain words, with the format expected and
/// without Rust type names.
pub(super) fn plain(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("must be {}, not {}", kind(expected), given(got));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (_, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("must be {}", kind(expected));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        let names = expected
            .trim_start_matches("one of ")
            .replace('`', "")
            .replace(" or ", ", ");
        return format!("must be one of: {names}");
    }
    if let Some(words) = PARSER_MESSAGES
        .iter()
        .find_map(|(said, words)| message.contains(said).then_some(*words))
    {
        return words.into();
    }
    if CHRONO_MESSAGES.iter().any(|m| message.contains(m)) {
        return "must be a date as YYYY-MM-DD, such as 2027-01-04".into();
    }
    if message.contains("UUID") || message.starts_with("invalid character: expected") {
        return "must be a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e".into();
    }
    message.replace('`', "")
}

/// What Rust's number and boolean parsers say (query values are text), in plain words.
const PARSER_MESSAGES: &[(&str, &str)] = &[
    ("invalid digit found in string", "must be a whole number"),
    (
        "cannot parse integer from empty string",
        "must be a whole number",
    ),
    (
        "number too large to fit in target type",
        "must be a smaller whole number",
    ),
    (
        "number too small to fit in target type",
        "must be a larger whole number",
    ),
    ("invalid float literal", "must be a number"),
    (
        "provided string was not `true` or `false`",
        "must be true or false",
    ),
];

/// What chrono says of text that is not a date.
const CHRONO_MESSAGES: &[&str] = &[
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
];

/// A serde "expected" clause in plain words.
fn kind(expected: &str) -> String {
    let whole = |range: &str| format!("a whole number{range}");
    match expected.trim() {
        "u8" => whole(" from 0 to 255"),
        "u16" => whole(" from 0 to 65535"),
        "u32" => whole(" from 0 to 4294967295"),
        "i32" => whole(" from -2147483648 to 2147483647"),
        "u64" | "usize" => whole(" of 0 or more"),
        "i8" | "i16" | "i64" | "isize" => whole(""),
        "f32" | "f64" => "a number".into(),
        "a string" | "a borrowed string" | "a character" => "text".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list".into(),
        "unit" => "null".into(),
        "a formatted date string" | "a valid date" => {
            "a date as YYYY-MM-DD, such as 2027-01-04".into()
        }
        "a formatted date and time string or a unix timestamp"
        | "an RFC 3339 formatted date and time string" => {
            "a timestamp in RFC 3339, such as 2026-11-01T00:00:00Z".into()
        }
        other if other.starts_with("struct ") || other == "a map" || other.contains("enum ") => {
            "an object".into()
        }
        other if other.contains("UUID") => "a UUID".into(),
        other => other.replace('`', ""),
    }
}

/// A serde "invalid type" clause (what was sent) in plain words.
fn given(got: &str) -> String {
    let got = got.trim();
    match got.split_once(' ').map_or(got, |(first, _)| first) {
        "string" => "text".into(),
        "integer" => "a whole number".into(),
        "floating" => "a decimal number".into(),
        "boolean" => "true or false".into(),
        "null" => "null".into(),
        "sequence" => "a list".into(),
        "map" => "an object".into(),
        other => other.replace('`', ""),
    }
}

#[cfg(test)]
mod tests;
