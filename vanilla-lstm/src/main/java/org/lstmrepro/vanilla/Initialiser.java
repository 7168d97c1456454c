package org.lstmrepro.vanilla;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.lstmrepro.core.param.Parameter;
import org.lstmrepro.core.random.RandomStream;

/**
 * Draws initial weights. Every tensor draws from its own stream, derived from the network's stream
 * by the tensor's name, so adding a tensor never changes the values drawn for the others.
 */
final class Initialiser {

    private final Initialisation init;
    private final RandomStream random;

    Initialiser(Initialisation init, RandomStream random) {
        if (init == null || random == null) {
            throw new IllegalArgumentException("initialising weights needs an initialisation and a random stream");
        }
        this.init = init;
        this.random = random;
    }

    /** Every entry of {@code p} from the weight distribution. */
    void draw(Parameter p) {
        RandomStream r = random.derive(p.name());
        double[] w = p.value();
        for (int k = 0; k < w.length; k++) {
            w[k] = init.weights().sample(r);
        }
    }

    /**
     * A recurrent matrix of {@code blocks} stacked H x H blocks ([blocks * H, H]): drawn like every
     * other weight, or block by block orthogonal (see {@link RecurrentInit#ORTHOGONAL}).
     */
    void drawRecurrent(Parameter p) {
        if (init.recurrent() == RecurrentInit.SAME) {
            draw(p);
            return;
        }
        int n = p.cols();
        if (p.rows() % n != 0) {
            throw new IllegalStateException(p + " is not a stack of square blocks");
        }
        RandomStream r = random.derive(p.name());
        for (int block = 0; block < p.rows() / n; block++) {
            DMatrixRMaj q = randomOrthogonal(n, r);
            System.arraycopy(q.data, 0, p.value(), block * n * n, n * n);
        }
    }

    /** Q of the QR decomposition of an n x n standard Gaussian matrix, columns signed so diag(R) > 0. */
    static DMatrixRMaj randomOrthogonal(int n, RandomStream r) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int k = 0; k < a.data.length; k++) {
            a.data[k] = r.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(a)) {
            throw new IllegalStateException("QR decomposition failed for the orthogonal initialisation");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj rr = qr.getR(null, false);
        for (int col = 0; col < n; col++) {
            if (rr.get(col, col) < 0) {
                for (int row = 0; row < n; row++) {
                    q.set(row, col, -q.get(row, col));
                }
            }
        }
        return q;
    }
}
