package org.casemgmt.adapter.eligibility.program;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A mapping in a program file, read from SnakeYAML's node tree rather than bound to objects, so every value is
 * checked by hand and every problem can name the file, the key path and the line. Scalars are read as text and
 * parsed here: YAML's own typing would turn {@code 2024-01-01} into a timestamp and {@code 01} into a number.
 */
final class YamlMapping {
  private final String file;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMapping(String file, String path, Node node) {
    this.file = file;
    this.path = path;
    this.node = node;
    if (!(node instanceof MappingNode mapping)) {
      throw problem(path, node, "must be a mapping of keys to values");
    }
    for (NodeTuple entry : mapping.getValue()) {
      if (!(entry.getKeyNode() instanceof ScalarNode key)) {
        throw problem(path, entry.getKeyNode(), "keys must be plain names");
      }
      if (entries.put(key.getValue(), entry) != null) {
        throw problem(child(key.getValue()), key, "key appears twice");
      }
    }
  }

  static YamlMapping document(String file, String yaml) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (YAMLException e) {
      throw new ProgramDefinitionException(file + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " "));
    }
    if (root == null) {
      throw new ProgramDefinitionException(file + ": the file is empty");
    }
    return new YamlMapping(file, "", root);
  }

  String path() {
    return path;
  }

  Set<String> keys() {
    return entries.keySet();
  }

  /** Refuses any key not named here, so a misspelt key is an error rather than a rule silently left out. */
  void allowOnly(String... allowed) {
    Set<String> expected = Set.of(allowed);
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (!expected.contains(entry.getKey())) {
        throw problem(child(entry.getKey()), entry.getValue().getKeyNode(),
            "unknown key '" + entry.getKey() + "'; expected one of " + String.join(", ", new TreeSet<>(expected)));
      }
    }
  }

  boolean has(String key) {
    return value(key) != null;
  }

  Optional<String> text(String key) {
    Node value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof ScalarNode scalar)) {
      throw problem(child(key), value, "must be a single value");
    }
    if (scalar.getValue().isBlank()) {
      throw problem(child(key), value, "must not be blank");
    }
    return Optional.of(scalar.getValue().trim());
  }

  String requiredText(String key) {
    return text(key).orElseThrow(() -> missing(key));
  }

  Optional<Integer> wholeNumber(String key, int minimum) {
    return text(key).map(text -> {
      int number;
      try {
        number = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw fail(key, "must be a whole number, was '" + text + "'");
      }
      if (number < minimum) {
        throw fail(key, "must be at least " + minimum + ", was " + number);
      }
      return number;
    });
  }

  Optional<BigDecimal> decimal(String key) {
    return text(key).map(text -> {
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw fail(key, "must be a number, was '" + text + "'");
      }
    });
  }

  /** A positive ISO-8601 period (P24M, P90D, P2Y): lookbacks and validity are calendar periods, not hours. */
  Optional<Period> period(String key) {
    return text(key).map(text -> {
      Period period;
      try {
        period = Period.parse(text);
      } catch (DateTimeParseException e) {
        throw fail(key, "'" + text + "' is not an ISO-8601 period such as P24M or P90D");
      }
      if (period.isNegative() || period.isZero()) {
        throw fail(key, "must be a period longer than zero, was '" + text + "'");
      }
      return period;
    });
  }

  Optional<Boolean> flag(String key) {
    return text(key).map(text -> switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw fail(key, "must be true or false, was '" + text + "'");
    });
  }

  /** A list of single values; absent is an empty list. */
  List<String> texts(String key) {
    List<String> texts = new ArrayList<>();
    List<Node> items = sequence(key);
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
        throw problem(child(key) + "[" + i + "]", item, "must be a single value");
      }
      texts.add(scalar.getValue().trim());
    }
    return texts;
  }

  Optional<YamlMapping> mapping(String key) {
    Node value = value(key);
    return value == null ? Optional.empty() : Optional.of(new YamlMapping(file, child(key), value));
  }

  YamlMapping requiredMapping(String key) {
    return mapping(key).orElseThrow(() -> missing(key));
  }

  /** The value under key as a mapping; a key with nothing after it is an empty mapping. */
  YamlMapping mappingOrEmpty(String key) {
    Node value = value(key);
    return new YamlMapping(file, child(key), value == null ? new MappingNode(Tag.MAP, List.of(), null) : value);
  }

  /** A list of mappings; absent is an empty list. */
  List<YamlMapping> mappings(String key) {
    List<YamlMapping> mappings = new ArrayList<>();
    List<Node> items = sequence(key);
    for (int i = 0; i < items.size(); i++) {
      mappings.add(new YamlMapping(file, child(key) + "[" + i + "]", items.get(i)));
    }
    return mappings;
  }

  ProgramDefinitionException fail(String key, String message) {
    Node value = value(key);
    return problem(child(key), value == null ? node : value, message);
  }

  /** A problem with this mapping as a whole. */
  ProgramDefinitionException fail(String message) {
    return problem(path, node, message);
  }

  ProgramDefinitionException missing(String key) {
    return problem(child(key), node, "required key is missing");
  }

  ProgramDefinitionException missingOneOf(String... keys) {
    return problem(path, node, "needs at least one of " + String.join(", ", Arrays.asList(keys)));
  }

  private List<Node> sequence(String key) {
    Node value = value(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof SequenceNode sequence)) {
      throw problem(child(key), value, "must be a list");
    }
    return sequence.getValue();
  }

  /** The value under key; a key with nothing after it counts as absent. */
  private Node value(String key) {
    NodeTuple entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    Node value = entry.getValueNode();
    return value instanceof ScalarNode && Tag.NULL.equals(value.getTag()) ? null : value;
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private ProgramDefinitionException problem(String at, Node where, String message) {
    String line = where == null || where.getStartMark() == null ? ""
        : " (line " + (where.getStartMark().getLine() + 1) + ")";
    return new ProgramDefinitionException(file + (at.isEmpty() ? "" : ": " + at) + line + ": " + message);
  }
}
