package dev.funnel.backend.knowledge;

import dev.funnel.backend.db.Db;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact cosine search in Java, on any database: an organisation's unit-length vectors are read once
 * into one float matrix (384 floats, 1.5 KB, per chunk of the offline model) and every question is
 * scored against all of them. Each search first reads a small fingerprint of the organisation's ready
 * documents; when it differs from the matrix's (a file was added, deleted or re-indexed, by this backend
 * or another one on the same database), the matrix is read again.
 */
final class PortableStore implements VectorStore {

    /** An organisation's vectors of one model, row by row, which chunk each row is, and the fingerprint then. */
    private record Matrix(String model, String version, int dimensions, float[] values, UUID[] documents,
                          int[] chunks) {

        int rows() {
            return documents.length;
        }
    }

    private final Db db;
    private final KnowledgeRepository repository;
    private final Map<UUID, Matrix> matrices = new ConcurrentHashMap<>();

    PortableStore(Db db, KnowledgeRepository repository) {
        this.db = db;
        this.repository = repository;
    }

    @Override
    public String kind() {
        return "portable";
    }

    @Override
    public List<Scored> search(UUID organisationId, String model, float[] query, int limit) {
        // read before the vectors: a change in between only makes the next search read them again
        String version = db.inTransaction(tx -> repository.fingerprint(tx, organisationId));
        Matrix matrix = matrices.compute(organisationId, (id, kept) -> kept != null && kept.model().equals(model)
                && kept.version().equals(version) ? kept : load(id, model, version));
        if (matrix.rows() == 0 || matrix.dimensions() != query.length) {
            return List.of();
        }
        PriorityQueue<Scored> best = new PriorityQueue<>(Comparator.comparingDouble(Scored::score));
        float[] values = matrix.values();
        int dims = matrix.dimensions();
        for (int row = 0; row < matrix.rows(); row++) {
            float sum = dot(values, row * dims, query);
            if (best.size() < limit) {
                best.add(new Scored(matrix.documents()[row], matrix.chunks()[row], sum));
            } else if (sum > best.peek().score()) {
                best.poll();
                best.add(new Scored(matrix.documents()[row], matrix.chunks()[row], sum));
            }
        }
        return best.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()).toList();
    }

    /**
     * The row at {@code offset} times the query. Four running sums let the CPU work on four products
     * at once (a single float sum must be added up in order, one product after the other).
     */
    private static float dot(float[] values, int offset, float[] query) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < query.length; i += 4) {
            s0 += values[offset + i] * query[i];
            s1 += values[offset + i + 1] * query[i + 1];
            s2 += values[offset + i + 2] * query[i + 2];
            s3 += values[offset + i + 3] * query[i + 3];
        }
        for (; i < query.length; i++) {
            s0 += values[offset + i] * query[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private Matrix load(UUID organisationId, String model, String version) {
        List<KnowledgeRepository.StoredVector> stored = db.inTransaction(tx ->
                repository.vectors(tx, organisationId, model));
        int dims = stored.isEmpty() ? 0 : stored.getFirst().embedding().length / Float.BYTES;
        float[] values = new float[stored.size() * dims];
        UUID[] documents = new UUID[stored.size()];
        int[] chunks = new int[stored.size()];
        for (int row = 0; row < stored.size(); row++) {
            KnowledgeRepository.StoredVector vector = stored.get(row);
            Vectors.read(vector.embedding(), values, row * dims);
            documents[row] = vector.documentId();
            chunks[row] = vector.chunkIndex();
        }
        return new Matrix(model, version, dims, values, documents, chunks);
    }
}
