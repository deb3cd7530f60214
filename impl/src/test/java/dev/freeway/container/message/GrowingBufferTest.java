package dev.freeway.container.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class GrowingBufferTest {
    private static ByteBuffer chunk(int n, int from) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return ByteBuffer.wrap(b);
    }

    /** Feeds {@code total} bytes in chunks of {@code chunk}, reserving the rest of the announced frame before each. */
    private static ByteBuffer collect(int total, int chunk, int ahead) {
        GrowingBuffer buffer = new GrowingBuffer();
        long left = total;
        for (int at = 0; at < total; at += chunk) {
            int n = Math.min(chunk, total - at);
            buffer.reserve(left, ahead, true);
            buffer.append(chunk(n, at));
            left -= n;
        }
        return buffer.take();
    }

    @Test
    void aMessageInChunksIsCollectedIntoOneArrayOfItsSize() {
        ByteBuffer all = collect(64 * 1024, 16 * 1024, 64 * 1024);
        assertThat(all.remaining()).isEqualTo(64 * 1024);
        assertThat(all.array()).hasSize(64 * 1024); // no doubling past it, nothing to trim
        for (int i = 0; i < all.remaining(); i++) {
            assertThat(all.get(i)).isEqualTo((byte) i);
        }
    }

    @Test
    void aLargeMessageGrowsGeometricallyToItsExactSize() {
        GrowingBuffer buffer = new GrowingBuffer();
        int total = 4 * 1024 * 1024 + 5;
        long left = total;
        int reallocations = 0;
        int capacity = buffer.capacity();
        for (int at = 0; at < total; at += 16 * 1024) {
            int n = Math.min(16 * 1024, total - at);
            buffer.reserve(left, 64 * 1024, true);
            buffer.append(chunk(n, at));
            left -= n;
            if (buffer.capacity() != capacity) {
                reallocations++;
                capacity = buffer.capacity();
            }
        }
        assertThat(reallocations).isLessThanOrEqualTo(8); // 64 KiB doubling to 4 MiB, not once per chunk
        ByteBuffer all = buffer.take();
        assertThat(all.array()).hasSize(total);
        assertThat(all.get(total - 1)).isEqualTo((byte) (total - 1));
    }

    @Test
    void aHeaderAnnouncingMuchReservesNoMoreThanAheadBeyondWhatArrived() {
        GrowingBuffer buffer = new GrowingBuffer();
        buffer.reserve(16L * 1024 * 1024, 64 * 1024, true);
        buffer.append(chunk(10, 0));
        ByteBuffer taken = buffer.take();
        assertThat(taken.remaining()).isEqualTo(10);
        assertThat(taken.array()).hasSize(64 * 1024);
    }

    @Test
    void aMessageOfManySmallFramesStillGrowsGeometrically() {
        GrowingBuffer buffer = new GrowingBuffer();
        int reallocations = 0;
        int capacity = buffer.capacity();
        for (int frame = 0; frame < 256; frame++) {
            buffer.reserve(1024, 64 * 1024, false); // each frame announces only its own 1 KiB
            buffer.append(chunk(1024, frame * 1024));
            if (buffer.capacity() != capacity) {
                reallocations++;
                capacity = buffer.capacity();
            }
        }
        assertThat(buffer.size()).isEqualTo(256 * 1024);
        assertThat(reallocations).isLessThanOrEqualTo(10); // doubling from 1 KiB, not once per frame
        assertThat(buffer.take().get(256 * 1024 - 1)).isEqualTo((byte) (256 * 1024 - 1));
    }

    @Test
    void withoutReservingItStillGrowsAsBefore() {
        GrowingBuffer buffer = new GrowingBuffer();
        buffer.append(chunk(100, 0));
        buffer.append(chunk(100, 100));
        ByteBuffer taken = buffer.take();
        assertThat(taken.remaining()).isEqualTo(200);
        assertThat(taken.get(199)).isEqualTo((byte) 199);
        assertThat(buffer.size()).isZero();
    }
}
