package org.learninglog.member;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Which addresses belong to a member, in one auto-committed statement on a pooled connection: no JTA transaction,
 * no Hibernate session (the demo-data guard asks at start, before anything else needs either).
 */
@ApplicationScoped
public class RegisteredEmails {

    // The unique index is on lower(email).
    private static final String FIND = "SELECT lower(email) FROM member WHERE lower(email) = ANY(?)";

    private final AgroalDataSource dataSource;

    RegisteredEmails(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The addresses of the list a member has, in lower case, whatever the case they were registered in. */
    public List<String> among(List<String> emails) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            Array wanted = connection.createArrayOf("text",
                    emails.stream().map(email -> email.toLowerCase(Locale.ROOT)).toArray());
            find.setArray(1, wanted);
            List<String> found = new ArrayList<>();
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up members by address", e);
        }
    }
}
