package dev.funnel.backend.bench;

import dev.funnel.backend.BackendConfig;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.events.EventBus;
import dev.funnel.backend.knowledge.DocumentType;
import dev.funnel.backend.knowledge.Embedder;
import dev.funnel.backend.knowledge.KnowledgeBase;
import dev.funnel.backend.knowledge.KnowledgeConfig;
import dev.funnel.backend.knowledge.KnowledgeDocument;
import dev.funnel.backend.knowledge.KnowledgeFixtures;
import dev.funnel.backend.knowledge.SyntheticChunks;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.testing.PostgresServer;
import dev.funnel.backend.testing.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The knowledge base's figures (issue 8, point 5), printed, never asserted, with the offline model
 * on H2 files (the portable store): ingesting a generated 100-page PDF (time, chunks), recall@5 on the
 * labelled handbook questions, and search latency p50/p99 at 10,000 and 100,000 chunks, both the vector
 * search alone and a whole search (embed the question, score, fetch the best texts), with the heap the
 * organisation's vectors take. Run: {@code ./funnel bench knowledge} (see docs/benchmarks.md).
 * With {@code --postgres <jdbc url>} (a user that may create databases), each part runs on a fresh
 * database of that PostgreSQL server instead, searched by pgvector when the server has it.
 */
public final class KnowledgeBenchmark {

    private static final int SEARCHES = 300;
    private static final Duration WAIT = Duration.ofMinutes(10);

    private KnowledgeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 0 && !(args.length == 2 && args[0].equals("--postgres"))) {
            throw new IllegalArgumentException("usage: KnowledgeBenchmark [--postgres <jdbc url>]");
        }
        String postgres = args.length == 2 ? args[1] : null;
        Embedder embedder = Embedder.create(KnowledgeConfig.OFFLINE);
        System.out.printf(Locale.ROOT, "Knowledge base benchmark, model %s, %d cores, max heap %d MB, on %s%n",
                embedder.name(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                postgres == null ? "H2 files" : "PostgreSQL (" + postgres.replaceAll("password=[^&]*", "password=…")
                        + ")");
        ingest(embedder, postgres);
        for (int chunks : new int[] {10_000, 100_000}) {
            search(embedder, postgres, chunks);
        }
    }

    private static void ingest(Embedder embedder, String postgres) throws IOException {
        try (Bench bench = Bench.open(embedder, postgres)) {
            embedder.embed("warm up the model");
            byte[] pdf = KnowledgeFixtures.catalogue(100);
            long start = System.nanoTime();
            UUID id = bench.knowledge().add(bench.org(), null, "catalogue.pdf", DocumentType.PDF, pdf).id();
            Waits.until("the PDF to be indexed", WAIT, () -> !bench.knowledge().find(bench.org(), id).orElseThrow()
                    .status().equals(KnowledgeDocument.INDEXING));
            double seconds = (System.nanoTime() - start) / 1e9;
            KnowledgeDocument done = bench.knowledge().find(bench.org(), id).orElseThrow();
            System.out.printf(Locale.ROOT, "ingest: 100-page PDF (%d KB) %s in %.1f s: %d pages, %d chunks (%.0f"
                            + " chunks/s)%n", pdf.length >> 10, done.status(), seconds, done.pages(), done.chunks(),
                    done.chunks() / seconds);

            UUID handbook = bench.knowledge().add(bench.org(), null, "handbook.md", DocumentType.MARKDOWN,
                    KnowledgeFixtures.handbook()).id();
            Waits.until("the handbook to be indexed", WAIT, () -> bench.knowledge().find(bench.org(), handbook)
                    .orElseThrow().status().equals(KnowledgeDocument.READY));
            System.out.printf(Locale.ROOT, "recall@5: %.3f on %d labelled questions (handbook of %d chunks, next to"
                            + " the catalogue's)%n", KnowledgeFixtures.recallAt5(bench.knowledge(), bench.org()),
                    KnowledgeFixtures.questions().size(),
                    bench.knowledge().find(bench.org(), handbook).orElseThrow().chunks());
        }
    }

    private static void search(Embedder embedder, String postgres, int chunks) throws IOException {
        try (Bench bench = Bench.open(embedder, postgres)) {
            long start = System.nanoTime();
            SyntheticChunks.add(bench.db(), bench.org(), chunks, embedder.name(), embedder.dimensions(), chunks);
            System.out.printf(Locale.ROOT, "%,d chunks: stored in %.1f s%n", chunks, (System.nanoTime() - start) / 1e9);
            List<float[]> questions = KnowledgeFixtures.questions().stream()
                    .map(q -> embedder.embed(q.question())).toList();
            SyntheticChunks.VectorSearch vectors = SyntheticChunks.of(bench.db());

            long heapBefore = usedHeap();
            long load = System.nanoTime();
            vectors.search(bench.org(), embedder.name(), questions.getFirst(), 5);
            System.out.printf(Locale.ROOT, "  %s store, first search (%s): %.0f ms; vectors take ~%d MB of heap%n",
                    vectors.kind(), vectors.kind().equals("pgvector") ? "in the database"
                            : "reads the vectors into memory",
                    (System.nanoTime() - load) / 1e6, (usedHeap() - heapBefore) >> 20);
            long[] vectorOnly = new long[SEARCHES];
            for (int i = 0; i < SEARCHES; i++) {
                long t = System.nanoTime();
                vectors.search(bench.org(), embedder.name(), questions.get(i % questions.size()), 5);
                vectorOnly[i] = System.nanoTime() - t;
            }
            bench.knowledge().search(bench.org(), "warm up", 5);
            long[] whole = new long[SEARCHES];
            for (int i = 0; i < SEARCHES; i++) {
                String question = KnowledgeFixtures.questions().get(i % questions.size()).question();
                long t = System.nanoTime();
                bench.knowledge().search(bench.org(), question, 5);
                whole[i] = System.nanoTime() - t;
            }
            System.out.printf(Locale.ROOT, "  vector search, top 5 of %,d: p50 %.2f ms, p99 %.2f ms (%d searches)%n",
                    chunks, percentile(vectorOnly, 50), percentile(vectorOnly, 99), SEARCHES);
            System.out.printf(Locale.ROOT, "  whole search (embed the question, score, fetch 5 texts): p50 %.2f ms,"
                    + " p99 %.2f ms%n", percentile(whole, 50), percentile(whole, 99));
        }
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /**
     * A knowledge base with one organisation on a fresh H2 file, or on a fresh database of the PostgreSQL
     * server {@code postgres} names (dropped at close).
     */
    private record Bench(Path dir, String postgres, String url, Db db, EventBus bus, KnowledgeBase knowledge,
                         UUID org) implements AutoCloseable {

        static Bench open(Embedder embedder, String postgres) throws IOException {
            Path dir = Files.createTempDirectory("funnel-knowledge-bench");
            String url = postgres == null ? BackendConfig.h2Url(dir.resolve("funnel"))
                    : PostgresServer.createDatabase(postgres, "funnel_bench_");
            Db db = postgres == null ? Db.open(url, "sa", "") : Db.open(url, null, null);
            EventBus bus = new EventBus(db, Clock.systemUTC(), Duration.ofHours(1));
            UUID org = db.inTransaction(tx -> new OrganisationRepository().create(tx, "Bench", Instant.now())).id();
            KnowledgeBase knowledge = new KnowledgeBase(db, embedder, bus, Clock.systemUTC());
            return new Bench(dir, postgres, url, db, bus, knowledge, org);
        }

        @Override
        public void close() throws IOException {
            knowledge.close();
            bus.close();
            db.close();
            if (postgres != null) {
                PostgresServer.dropDatabase(postgres, url);
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
