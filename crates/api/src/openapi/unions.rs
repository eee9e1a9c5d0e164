//! Tagged unions with names: utoipa states an internally tagged enum
//! (`#[serde(tag = "action")]`) as a `oneOf` of anonymous objects, which
//! client generators name `MembershipRequestType0…5`. Each variant becomes a
//! component of its own, named after the union and its tag
//! (`MembershipRequestInvite`), and the union gets a `discriminator` mapping
//! each tag to it.

use serde_json::{Map, Value, json};

/// The property every variant of `variants` fixes to one string (its tag),
/// with each variant's value; `None` when the variants are not so tagged.
fn tag_of(variants: &[Value]) -> Option<(String, Vec<String>)> {
    let first = variants.first()?.get("properties")?.as_object()?;
    first.keys().find_map(|property| {
        let values: Option<Vec<String>> = variants
            .iter()
            .map(|variant| {
                let required = variant.get("required")?.as_array()?;
                if !required.iter().any(|r| r == property.as_str()) {
                    return None;
                }
                match variant
                    .pointer(&format!("/properties/{property}/enum"))?
                    .as_array()?
                    .as_slice()
                {
                    [Value::String(value)] => Some(value.clone()),
                    _ => None,
                }
            })
            .collect();
        values.map(|values| (property.clone(), values))
    })
}

/// `snake_case` as `PascalCase`.
fn pascal(tag: &str) -> String {
    tag.split(['_', '-'])
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

/// Names the variants of every tagged union among the components.
pub(super) fn name_tagged_unions(doc: &mut Value) -> Result<(), String> {
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return Ok(());
    };
    let mut named = Map::new();
    for (union, schema) in schemas.iter_mut() {
        let Some(variants) = schema.get("oneOf").and_then(Value::as_array) else {
            continue;
        };
        let Some((property, tags)) = tag_of(variants) else {
            continue;
        };
        let mut mapping = Map::new();
        let mut references = Vec::new();
        for (variant, tag) in variants.iter().zip(&tags) {
            let name = format!("{union}{}", pascal(tag));
            let reference = format!("#/components/schemas/{name}");
            if named.insert(name.clone(), variant.clone()).is_some() {
                return Err(format!("two tagged variants are both named {name}"));
            }
            mapping.insert(tag.clone(), json!(reference));
            references.push(json!({"$ref": reference}));
        }
        schema["oneOf"] = Value::Array(references);
        schema["discriminator"] = json!({"propertyName": property, "mapping": mapping});
    }
    for (name, variant) in named {
        if schemas.insert(name.clone(), variant).is_some() {
            return Err(format!("a tagged variant's name, {name}, is taken"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tagged_union_gets_named_variants_and_a_discriminator() {
        let tagged = |tag: &str| {
            json!({"type": "object", "required": ["action"],
                   "properties": {"action": {"type": "string", "enum": [tag]}}})
        };
        let mut doc = json!({"components": {"schemas": {
            "Decision": {"oneOf": [tagged("invite"), tagged("set_fund")]},
            "Loose": {"oneOf": [{"type": "string"}, {"type": "null"}]},
        }}});
        assert_eq!(name_tagged_unions(&mut doc), Ok(()));
        let schemas = &doc["components"]["schemas"];
        assert_eq!(schemas["DecisionInvite"], tagged("invite"));
        assert_eq!(schemas["DecisionSetFund"], tagged("set_fund"));
        assert_eq!(
            schemas["Decision"],
            json!({
                "oneOf": [
                    {"$ref": "#/components/schemas/DecisionInvite"},
                    {"$ref": "#/components/schemas/DecisionSetFund"},
                ],
                "discriminator": {"propertyName": "action", "mapping": {
                    "invite": "#/components/schemas/DecisionInvite",
                    "set_fund": "#/components/schemas/DecisionSetFund",
                }},
            })
        );
        assert_eq!(
            schemas["Loose"],
            json!({"oneOf": [{"type": "string"}, {"type": "null"}]})
        );
    }
}
