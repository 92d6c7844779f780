package casegraph.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The offline bulk import in one JVM: Neo4j's importer ({@code neo4j-admin database import full},
 * run in-process through {@link AdminTool#execute}), then the new store started once, without
 * any connector, to run the statements that finish it (the empty lists the importer cannot
 * write, the schema), then shut down. One JVM instead of two saves a JVM start, its class
 * loading and its warm-up; no Bolt, driver or login is needed for the finishing statements.
 *
 * <p>Usage: {@code OfflineImport <home-dir> <finish-file> <password-file> <page-cache-bytes>
 * <importer arguments...>}. The importer's arguments follow {@code database import full}. With
 * {@code -} as the finish file (and the next two), it only imports. The finish file has one statement per line: {@code <phase> TAB <once|repeat> TAB <cypher>}; a
 * {@code repeat} statement runs again, each time in a transaction of its own, until the
 * {@code fixed} it returns is 0. The store gets the password as the service's launcher gives it
 * ({@link EmbeddedNeo4j}), so the default login never exists.
 *
 * <p>Prints on standard output, besides the importer's own lines: {@code OFFLINE_IMPORTED
 * <seconds>}; {@code OFFLINE_PHASE <phase> <seconds>} as each phase ends ({@code start} for the
 * database's start); {@code OFFLINE_FIXED <count>} as elements are fixed; {@code OFFLINE_DONE}.
 * Exits with the importer's code when it fails, 70 with {@code OFFLINE_FAILED <reason>} when
 * finishing fails.
 */
public final class OfflineImport {
  private OfflineImport() {}

  private record Statement(String phase, boolean repeat, String text) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: OfflineImport <home-dir> <finish-file|-> <password-file|-> <page-cache-bytes|-> <importer arguments...>");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    boolean finishing = !args[1].equals("-");
    List<Statement> statements = finishing ? readStatements(Path.of(args[1])) : List.of();
    String password = finishing ? EmbeddedNeo4j.readPassword(Path.of(args[2])) : null;
    long pageCache = finishing ? Long.parseLong(args[3]) : 0L;

    long at = System.nanoTime();
    List<String> command = new ArrayList<>(List.of("database", "import", "full", "--verbose"));
    command.addAll(Arrays.asList(args).subList(4, args.length));
    int code = AdminTool.execute(new ExecutionContext(home, home.resolve("conf")), command.toArray(String[]::new));
    System.out.flush();
    if (code != 0) {
      System.out.println("OFFLINE_IMPORT_FAILED " + code);
      System.exit(code);
    }
    System.out.println("OFFLINE_IMPORTED " + secondsSince(at));
    if (!finishing) System.exit(0);
    try {
      finish(home, password, pageCache, statements);
    } catch (RuntimeException | IOException error) {
      System.out.println("OFFLINE_FAILED " + String.valueOf(error.getMessage()).replace('\n', ' '));
      System.exit(70);
    }
    System.out.println("OFFLINE_DONE");
    System.exit(0);
  }

  private static List<Statement> readStatements(Path file) throws IOException {
    List<Statement> statements = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      String[] parts = line.split("\t", 3);
      if (parts.length != 3 || !(parts[1].equals("once") || parts[1].equals("repeat"))) {
        throw new IOException("bad line in " + file + ": " + line);
      }
      statements.add(new Statement(parts[0], parts[1].equals("repeat"), parts[2]));
    }
    return statements;
  }

  /** Starts the new store (no connector), runs the statements phase by phase, shuts it down. */
  private static void finish(Path home, String password, long pageCache, List<Statement> statements) throws IOException {
    long at = System.nanoTime();
    EmbeddedNeo4j.setInitialPassword(home, password);
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, false)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
            .setConfig(GraphDatabaseSettings.filewatcher_enabled, false)
            // As the service's launcher sets it, so that the store is laid out as it lays it out.
            .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 64L * 1024 * 1024)
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            .build();
    Thread hook = new Thread(dbms::shutdown, "offline-import-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      if (!db.isAvailable(Duration.ofMinutes(5).toMillis())) throw new IllegalStateException("the new database did not become available within 5 minutes");
      EmbeddedNeo4j.setPassword(dbms, password);
      System.out.println("OFFLINE_PHASE start " + secondsSince(at));
      at = System.nanoTime();
      long fixed = 0;
      for (int i = 0; i < statements.size(); i++) {
        Statement statement = statements.get(i);
        if (statement.repeat()) {
          for (long count = run(db, statement.text()); count > 0; count = run(db, statement.text())) {
            fixed += count;
            System.out.println("OFFLINE_FIXED " + fixed);
          }
        } else {
          db.executeTransactionally(statement.text());
        }
        boolean last = i + 1 == statements.size() || !statements.get(i + 1).phase().equals(statement.phase());
        if (last) {
          System.out.println("OFFLINE_PHASE " + statement.phase() + " " + secondsSince(at));
          at = System.nanoTime();
        }
      }
    } finally {
      Runtime.getRuntime().removeShutdownHook(hook);
      dbms.shutdown();
    }
  }

  /** Runs a statement in a transaction of its own; returns the {@code fixed} of its one row (0 without). */
  private static long run(GraphDatabaseService db, String text) {
    return db.executeTransactionally(text, Map.of(), result -> result.hasNext() ? ((Number) result.next().get("fixed")).longValue() : 0L);
  }

  private static String secondsSince(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - nanos) / 1e9);
  }
}
