"""A small JSON Schema (draft 2020-12) validator for the keywords vectors/schema.json uses. Unknown keywords are
reported, so that a schema growing beyond this subset is noticed rather than half-checked."""
import re

KNOWN = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "const", "pattern", "required",
         "properties", "additionalProperties", "items", "oneOf", "anyOf", "allOf", "if", "then", "else", "minItems",
         "maxItems", "minimum", "maximum", "minLength", "maxLength", "$comment", "examples", "default"}


def _type_ok(value, t):
    if isinstance(t, list):
        return any(_type_ok(value, x) for x in t)
    return {
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "string": isinstance(value, str),
        "boolean": isinstance(value, bool),
        "null": value is None,
        "integer": isinstance(value, int) and not isinstance(value, bool)
        or isinstance(value, float) and value.is_integer(),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
    }[t]


class Validator:
    def __init__(self, schema):
        self.root = schema
        self.unknown = set()

    def resolve(self, ref):
        if not ref.startswith("#/"):
            raise ValueError("only local $ref are supported: %s" % ref)
        node = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def errors(self, value, schema=None, path="$"):
        schema = self.root if schema is None else schema
        if schema is True:
            return []
        if schema is False:
            return ["%s: not allowed" % path]
        self.unknown |= set(schema) - KNOWN
        errs = []
        if "$ref" in schema:
            errs += self.errors(value, self.resolve(schema["$ref"]), path)
        if "type" in schema and not _type_ok(value, schema["type"]):
            return errs + ["%s: not of type %s" % (path, schema["type"])]
        if "const" in schema and value != schema["const"]:
            errs.append("%s: not %r" % (path, schema["const"]))
        if "enum" in schema and value not in schema["enum"]:
            errs.append("%s: %r not in %r" % (path, value, schema["enum"]))
        if isinstance(value, str):
            if "pattern" in schema and not re.search(schema["pattern"], value):
                errs.append("%s: does not match %s" % (path, schema["pattern"]))
            if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
                errs.append("%s: length out of range" % path)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                errs.append("%s: below %r" % (path, schema["minimum"]))
            if "maximum" in schema and value > schema["maximum"]:
                errs.append("%s: above %r" % (path, schema["maximum"]))
        if isinstance(value, list):
            if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
                errs.append("%s: number of items out of range" % path)
            if "items" in schema:
                for i, item in enumerate(value):
                    errs += self.errors(item, schema["items"], "%s[%d]" % (path, i))
        if isinstance(value, dict):
            for name in schema.get("required", []):
                if name not in value:
                    errs.append("%s: lacks %s" % (path, name))
            props = schema.get("properties", {})
            for name, item in value.items():
                if name in props:
                    errs += self.errors(item, props[name], "%s.%s" % (path, name))
                elif "additionalProperties" in schema:
                    errs += self.errors(item, schema["additionalProperties"], "%s.%s" % (path, name))
        for sub in schema.get("allOf", []):
            errs += self.errors(value, sub, path)
        if "anyOf" in schema and not any(not self.errors(value, s, path) for s in schema["anyOf"]):
            errs.append("%s: matches none of anyOf" % path)
        if "oneOf" in schema:
            matching = sum(1 for s in schema["oneOf"] if not self.errors(value, s, path))
            if matching != 1:
                errs.append("%s: matches %d of oneOf" % (path, matching))
        if "if" in schema:
            if not self.errors(value, schema["if"], path):
                errs += self.errors(value, schema.get("then", True), path)
            else:
                errs += self.errors(value, schema.get("else", True), path)
        return errs
