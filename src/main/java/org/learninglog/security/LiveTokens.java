package org.learninglog.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Which secrets are live (not revoked) tokens, in one auto-committed statement on a pooled connection: no JTA
 * transaction, no Hibernate session (the demo-data guard asks at start, before anything else needs either).
 */
@ApplicationScoped
public class LiveTokens {

    private static final String FIND = "SELECT token_hash FROM access_token"
            + " WHERE token_hash = ANY(?) AND revoked_at IS NULL";

    private final AgroalDataSource dataSource;

    LiveTokens(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The secrets of the list that are live tokens, in the list's order. */
    public List<String> among(List<String> secrets) {
        List<String> hashes = secrets.stream().map(TokenSecrets::hash).toList();
        List<String> live = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setArray(1, connection.createArrayOf("text", hashes.toArray()));
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    live.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up access tokens", e);
        }
        return secrets.stream().filter(secret -> live.contains(TokenSecrets.hash(secret))).toList();
    }
}
