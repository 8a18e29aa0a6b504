package lmo.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lmo.scenario.Node.MapNode;
import lmo.scenario.Node.Origin;
import lmo.scenario.Node.Scalar;
import lmo.scenario.Node.SeqNode;

/**
 * Reads YAML or JSON text into a {@link Node} tree with the line and column of every key and value, using Jackson's
 * streaming parser (no data binding). Syntax errors, duplicate keys, aliases and several documents in one file are
 * errors.
 */
final class TreeReader {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonParser parser;
    private final String file;
    private final boolean override;
    private final String basePath;

    private TreeReader(JsonParser parser, String file, boolean override, String basePath) {
        this.parser = parser;
        this.file = file;
        this.override = override;
        this.basePath = basePath;
    }

    /** The top-level mapping of a scenario file; a {@code .json} file is read as JSON, anything else as YAML. */
    static MapNode readFile(Path path) throws ScenarioException {
        String file = path.toString();
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": cannot read: file not found");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(file + ": cannot read: permission denied");
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file + ": cannot read: not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
        boolean json = file.toLowerCase(Locale.ROOT).endsWith(".json");
        Node root = read(json ? JSON : YAML, text, file, false, "");
        if (root instanceof MapNode m) return m;
        throw root.origin().error("", "expected a mapping of scenario keys, got " + Node.describe(root));
    }

    /** The value of an override {@code path=text}, read as YAML; its nodes are marked as coming from the override. */
    static Node readOverride(String path, String text) throws ScenarioException {
        if (text.isBlank()) return new Scalar(Origin.ofOverride(), text.strip());
        return read(YAML, text, "--set", true, path);
    }

    private static Node read(JsonFactory factory, String text, String file, boolean override, String path)
            throws ScenarioException {
        try (JsonParser p = factory.createParser(text)) {
            TreeReader r = new TreeReader(p, file, override, path);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new Origin(file, 1, 1, override).error(path, "expected a mapping of scenario keys, got nothing");
            }
            Node root = r.value(first, path);
            if (p.nextToken() != null) {
                throw r.origin(p.currentTokenLocation()).error(path, "syntax error: expected a single document");
            }
            return root;
        } catch (StreamReadException e) {
            throw syntaxError(e, file, override, path);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
    }

    private Node value(JsonToken t, String path) throws IOException, ScenarioException {
        Origin at = origin(parser.currentTokenLocation());
        if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
            throw at.error(path, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
        }
        switch (t) {
            case START_OBJECT: {
                MapNode m = new MapNode(at);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Origin keyAt = origin(parser.currentTokenLocation());
                    String keyPath = Node.join(path, key);
                    if (m.entries().containsKey(key)) throw keyAt.error(keyPath, "duplicate key");
                    m.entries().put(key, new MapNode.Entry(keyAt, value(parser.nextToken(), keyPath)));
                }
                return m;
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken i = parser.nextToken(); i != JsonToken.END_ARRAY; i = parser.nextToken()) {
                    items.add(value(i, path + "[" + items.size() + "]"));
                }
                return new SeqNode(at, items);
            }
            case VALUE_NULL:
                return new Scalar(at, null);
            default:
                return new Scalar(at, parser.getText());
        }
    }

    private Origin origin(JsonLocation l) {
        return override ? Origin.ofOverride() : new Origin(file, l.getLineNr(), l.getColumnNr(), false);
    }

    /** {@code FILE:LINE:COL: syntax error: problem}, with snakeyaml's problem mark when there is one. */
    private static ScenarioException syntaxError(StreamReadException e, String file, boolean override, String path) {
        int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
        int col = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
        String message = e.getOriginalMessage();
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
            line = y.getProblemMark().getLine() + 1;
            col = y.getProblemMark().getColumn() + 1;
            message = y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + ")");
        }
        message = message == null ? "malformed input" : message.strip().lines().findFirst().orElse("").strip();
        return new Origin(file, line, col, override).error(path, "syntax error: " + message);
    }
}
