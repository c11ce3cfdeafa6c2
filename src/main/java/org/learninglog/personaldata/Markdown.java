package org.learninglog.personaldata;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A readable Markdown copy of a JSON document: a heading per section, a list per item, its fields as lines. */
final class Markdown {

    private Markdown() {
    }

    static String of(String title, JsonNode document) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        Iterator<Map.Entry<String, JsonNode>> sections = document.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            JsonNode value = section.getValue();
            if (value.isValueNode()) {
                out.append("- **").append(heading(section.getKey())).append("**: ").append(text(value))
                        .append('\n');
                continue;
            }
            out.append("\n## ").append(heading(section.getKey())).append("\n\n");
            if (value.isArray() && value.isEmpty()) {
                out.append("(none)\n");
            }
            block(out, value, "");
        }
        return out.toString();
    }

    private static void block(StringBuilder out, JsonNode node, String indent) {
        if (node.isArray()) {
            int n = 1;
            for (JsonNode item : node) {
                if (item.isValueNode()) {
                    out.append(indent).append("- ").append(text(item)).append('\n');
                } else {
                    out.append(indent).append(n++).append(".\n");
                    block(out, item, indent + "   ");
                }
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isValueNode()) {
                out.append(indent).append("- ").append(heading(field.getKey())).append(": ").append(text(value))
                        .append('\n');
            } else if (value.isArray() && value.isEmpty()) {
                out.append(indent).append("- ").append(heading(field.getKey())).append(": (none)\n");
            } else if (value.isArray() && allValues(value)) {
                StringBuilder list = new StringBuilder();
                value.forEach(v -> list.append(list.isEmpty() ? "" : ", ").append(text(v)));
                out.append(indent).append("- ").append(heading(field.getKey())).append(": ").append(list)
                        .append('\n');
            } else {
                out.append(indent).append("- ").append(heading(field.getKey())).append(":\n");
                block(out, value, indent + "   ");
            }
        }
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** `lastUsedAt` → `Last used at`. */
    static String heading(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** Text as written, on one line, with Markdown's own characters escaped. */
    static String text(JsonNode value) {
        String text = value.isTextual() ? value.textValue() : value.toString();
        return text.replace("\\", "\\\\").replaceAll("([*_`#\\[\\]<>|])", "\\\\$1").replace("\r", "")
                .replace("\n", "  \n");
    }
}
