package dev.funnel.backend.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.BackendConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the backend interrupts its threads, and an interrupt may land while one of them reads or
 * writes the H2 file. With H2's usual file system that closes the file for every thread: the store can
 * no longer be used, and under load a thread was then seen spinning in H2 for good and a file left so that
 * it no longer opened. The database must stay usable, lose nothing and open again.
 */
class InterruptedThreadsTest {

    @TempDir
    Path dir;

    @Test
    void aThreadInterruptedInItsWorkLeavesTheDatabaseUsableAndItOpensAgainWithEverything() throws Exception {
        String url = BackendConfig.h2Url(dir.resolve("funnel"), 1);
        try (Db db = Db.open(url, "sa", "")) {
            db.inTransactionRun(tx -> tx.update("CREATE TABLE notes (body VARCHAR(10000))"));
            db.inTransactionRun(tx -> tx.update("INSERT INTO notes VALUES ('before')"));
            db.inTransactionRun(tx -> tx.update( // more than the 1 MB page cache: reading it all reads the file
                    "INSERT INTO notes SELECT REPEAT('x', 10000) FROM SYSTEM_RANGE(1, 500)"));
        }
        try (Db db = Db.open(url, "sa", "")) {
            CompletableFuture.runAsync(() -> {
                Thread.currentThread().interrupt();
                try {
                    notes(db);
                } catch (DataAccessException mayFail) {
                    // the interrupted thread's own work may fail; nobody else's may
                }
            }, command -> new Thread(command).start()).get();

            db.inTransactionRun(tx -> tx.update("INSERT INTO notes VALUES ('after')"));
            assertThat(notes(db)).contains("before", "after");
        }
        try (Db reopened = Db.open(url, "sa", "")) {
            assertThat(notes(reopened)).contains("before", "after");
        }
    }

    private static List<String> notes(Db db) {
        return db.inTransaction(tx -> tx.query("SELECT body FROM notes", row -> row.getString(1)));
    }
}
