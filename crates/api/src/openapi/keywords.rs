//! Rules as JSON Schema keywords: lengths, patterns (regular expressions in
//! the ECMA-262 subset that Python and JavaScript read alike), ranges, enums.

use serde_json::{Value, json};

use super::rules::Rule::{self, *};
use super::rules::trimmed_space;
use super::rules::{BODY_CONTROLS, LINE_CONTROLS};

/// A character that is not one of `controls`.
fn allowed(controls: &str) -> String {
    format!("[^{controls}]")
}

/// A character that is neither white space nor one of `controls`.
fn visible(controls: &str) -> String {
    format!("[^\\s{controls}]")
}

/// White space that is not one of `controls` (what trimming removes).
fn space(controls: &str) -> String {
    format!("[^\\S{controls}]")
}

/// A regular expression for text without `controls`; with `required`, not blank.
pub(super) fn hygienic(controls: &str, required: bool) -> String {
    let any = allowed(controls);
    if required {
        format!("^{any}*{}{any}*$", visible(controls))
    } else {
        format!("^{any}*$")
    }
}

/// The JSON Schema keywords that state `rule`.
fn keywords(rule: Rule) -> Value {
    match rule {
        Text {
            max,
            required,
            one_line,
        } => {
            let controls = if one_line {
                LINE_CONTROLS
            } else {
                BODY_CONTROLS
            };
            json!({"maxLength": max, "minLength": usize::from(required), "pattern": hygienic(controls, required)})
        }
        Slug => {
            let lengths = coophub_domain::coop::limits::SLUG_LENGTHS;
            json!({
                "minLength": lengths.start(),
                "maxLength": lengths.end(),
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            })
        }
        Email => {
            let (pad, c) = (space(BODY_CONTROLS), LINE_CONTROLS);
            json!({
                "maxLength": coophub_domain::account::MAX_EMAIL_LEN,
                "pattern": format!("^{pad}*[^@\\s{c}]+@[^@\\s.{c}][^@\\s{c}]*\\.[^@\\s{c}]*[^@\\s.{c}]{pad}*$"),
            })
        }
        NewPassword => {
            json!({
                "minLength": coophub_domain::password::MIN_PASSWORD_CHARS,
                "maxLength": coophub_domain::password::MAX_PASSWORD_CHARS,
                "pattern": hygienic(BODY_CONTROLS, false),
            })
        }
        SkillName => {
            let any = allowed(BODY_CONTROLS);
            // A letter or digit (or `+`, `#`: C++, C#) makes a skill's key.
            json!({
                "maxLength": coophub_domain::skills::NAME_MAX,
                "pattern": format!("^{any}*([^\\W_]|[+#]){any}*$"),
            })
        }
        Url { max, trimmed } => {
            let pad = if trimmed {
                format!("{}*", space(BODY_CONTROLS))
            } else {
                String::new()
            };
            let rest = visible(LINE_CONTROLS);
            json!({"maxLength": max, "pattern": format!("^{pad}https?://{rest}+{pad}$")})
        }
        Phone => {
            let pad = space(BODY_CONTROLS);
            let lengths = coophub_domain::coop::PHONE_LENGTHS;
            let inner = (lengths.start() - 2, lengths.end() - 2);
            json!({"pattern": format!(
                "^{pad}*[+0-9][-0-9 ()]{{{},{}}}[0-9]{pad}*$",
                inner.0, inner.1
            )})
        }
        // Surrounding white space is trimmed (Rust's `trim`), except the
        // control characters no body may hold.
        Currency => json!({"pattern": concat!(
            "^",
            trimmed_space!(),
            "*[A-Za-z]{3}",
            trimmed_space!(),
            "*$"
        )}),
        Pattern(pattern) => json!({"pattern": pattern}),
        // Either case (the server upper-cases), as a pattern: an enum of
        // both cases makes client generators name two members alike.
        Country => json!({"pattern": format!("^({})$", country_alternatives())}),
        Range { min, max, step } => {
            let mut stated = json!({"minimum": min, "maximum": max});
            if let Some(step) = step {
                stated["multipleOf"] = json!(step);
            }
            stated
        }
        AboveUpTo { above, max } => json!({"exclusiveMinimum": above, "maximum": max}),
        Items { min, max } => json!({"minItems": min, "maxItems": max}),
        OneOf(names) => json!({"enum": names}),
        Date => json!({"format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
        // The pattern states the range exactly, every day of it and no other
        // (the server's `coophub_domain::dates`); `format` goes, since
        // generators of examples would draw dates of any year and throw
        // nearly all of them away.
        Day => json!({"format": null, "pattern": format!("^{PLAUSIBLE_DAY}$")}),
        Instant => json!({"format": null, "pattern": format!(
            "^{PLAUSIBLE_DAY}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
        )}),
        Coordinates => {
            let number = "-?[0-9]{1,3}(\\.[0-9]+)?";
            json!({"pattern": format!("^{number},{number}$")})
        }
        EntityTags => {
            let tag = "(W/)?\"[\\x21\\x23-\\x7E]*\"";
            json!({"pattern": format!("^ *(\\*|{tag}( *, *{tag})*) *$")})
        }
        Query { max, words } => {
            let (word, gap) = (visible(LINE_CONTROLS), space(LINE_CONTROLS));
            json!({
                "maxLength": max,
                "pattern": format!("^{gap}*({word}+{gap}+){{0,{}}}({word}+)?{gap}*$", words - 1),
            })
        }
    }
}

/// Every ISO 3166-1 alpha-2 code in either case, by first letter:
/// `[Aa][DdEe…]|[Bb][…]|…`.
fn country_alternatives() -> String {
    let either = |c: char| format!("[{c}{}]", c.to_ascii_lowercase());
    let mut groups: Vec<(char, Vec<char>)> = Vec::new();
    for code in coophub_domain::coop::COUNTRY_CODES {
        let mut letters = code.chars();
        let (Some(first), Some(second)) = (letters.next(), letters.next()) else {
            continue;
        };
        match groups.last_mut() {
            Some((letter, seconds)) if *letter == first => seconds.push(second),
            _ => groups.push((first, vec![second])),
        }
    }
    let group = |(first, seconds): &(char, Vec<char>)| {
        let seconds: String = seconds
            .iter()
            .flat_map(|c| [*c, c.to_ascii_lowercase()])
            .collect();
        format!("{}[{seconds}]", either(*first))
    };
    groups.iter().map(group).collect::<Vec<_>>().join("|")
}

/// A calendar day from 2000-01-01 to 2100-12-31, as a regular expression:
/// months of 31 and 30 days, February's 28, and the 29th in leap years
/// (2000 is one; 2100, not in `20xx`, is not).
const PLAUSIBLE_DAY: &str = concat!(
    "(((20[0-9]{2}|2100)-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])",
    "|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8])))",
    "|(20(0[048]|[2468][048]|[13579][26])-02-29))"
);

/// Adds `rule`'s keywords to `schema`, keeping `null` allowed where it was
/// (an enum must then list it); a keyword stated as `null` is taken away.
pub(super) fn state(schema: &mut Value, rule: Rule) {
    let Value::Object(target) = schema else {
        return;
    };
    let nullable = target
        .get("type")
        .and_then(Value::as_array)
        .is_some_and(|types| types.iter().any(|t| t == "null"));
    let Value::Object(stated) = keywords(rule) else {
        return;
    };
    for (keyword, mut value) in stated {
        if value.is_null() {
            target.remove(&keyword);
            continue;
        }
        if keyword == "enum"
            && nullable
            && let Value::Array(values) = &mut value
        {
            values.push(Value::Null);
        }
        // Integers keep whole-number bounds.
        if target
            .get("type")
            .is_some_and(|t| t.to_string().contains("integer"))
            && let Some(whole) = value.as_f64().filter(|v| v.fract() == 0.0)
        {
            value = json!(whole as i64);
        }
        target.insert(keyword, value);
    }
}
