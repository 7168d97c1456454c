package org.lstmrepro.vanilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmrepro.core.random.RandomStream;

/**
 * The tiled products against the textbook triple loop, for batch sizes below, at and above a tile
 * and sizes that leave partial tiles (odd column counts, rows that do not fill a tile).
 */
class BatchProductsTest {

    private final RandomStream random = RandomStream.root(31);

    @ParameterizedTest(name = "n={0} k={1} m={2}")
    @CsvSource({"1,3,5", "3,7,2", "4,1,1", "4,8,6", "5,3,7", "9,11,13", "32,2,33"})
    void multTransBSetsTheProductWithTheTransposedSecondFactor(int n, int k, int m) {
        DMatrixRMaj a = matrix(n, k);
        DMatrixRMaj b = matrix(m, k);
        DMatrixRMaj product = new DMatrixRMaj(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int p = 0; p < k; p++) {
                    product.add(i, j, a.get(i, p) * b.get(j, p));
                }
            }
        }
        DMatrixRMaj c = matrix(n, m);
        BatchProducts.multTransB(a, b, c);          // c's old values are gone
        assertClose(c, product);
    }

    @ParameterizedTest(name = "n={0} k={1} m={2}")
    @CsvSource({"1,3,5", "3,7,2", "4,1,1", "4,8,6", "5,3,7", "9,11,13", "32,40,9"})
    void multSetsTheProduct(int n, int k, int m) {
        DMatrixRMaj a = matrix(n, k);
        DMatrixRMaj b = matrix(k, m);
        DMatrixRMaj c = matrix(n, m);                // old values must be overwritten
        DMatrixRMaj expected = new DMatrixRMaj(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int p = 0; p < k; p++) {
                    expected.add(i, j, a.get(i, p) * b.get(p, j));
                }
            }
        }
        BatchProducts.mult(a, b, c);
        assertClose(c, expected);
    }

    @ParameterizedTest(name = "n={0} k={1} m={2}")
    @CsvSource({"1,3,5", "3,7,2", "4,1,1", "4,8,6", "5,3,7", "9,11,13", "32,9,2"})
    void multAddTransAAddsTheProductWithTheTransposedFirstFactor(int n, int k, int m) {
        DMatrixRMaj a = matrix(n, k);
        DMatrixRMaj b = matrix(n, m);
        DMatrixRMaj c = matrix(k, m);
        DMatrixRMaj expected = c.copy();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                for (int p = 0; p < n; p++) {
                    expected.add(i, j, a.get(p, i) * b.get(p, j));
                }
            }
        }
        BatchProducts.multAddTransA(a, b, c);
        assertClose(c, expected);
    }

    @Test
    void mismatchedShapesAreRefused() {
        assertThatThrownBy(() -> BatchProducts.multTransB(matrix(4, 3), matrix(5, 2), matrix(4, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a 4x3, b 5x2");
    }

    private DMatrixRMaj matrix(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * random.nextDouble() - 1;
        }
        return m;
    }

    private static void assertClose(DMatrixRMaj actual, DMatrixRMaj expected) {
        assertThat(actual.numRows).isEqualTo(expected.numRows);
        assertThat(actual.numCols).isEqualTo(expected.numCols);
        for (int i = 0; i < expected.getNumElements(); i++) {
            assertThat(actual.data[i]).as("entry " + i).isCloseTo(expected.data[i], within(1e-12));
        }
    }
}
