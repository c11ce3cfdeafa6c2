package org.learninglog.personaldata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import org.learninglog.api.Problems;
import org.learninglog.api.contract.PersonalDataApi;
import org.learninglog.api.contract.model.ErasureContentJson;
import org.learninglog.api.contract.model.ErasureReceiptJson;
import org.learninglog.api.contract.model.ErasureRequestJson;
import org.learninglog.identity.CurrentMember;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.security.Authenticated;

@Authenticated
class PersonalDataResource implements PersonalDataApi {

    private static final MediaType ZIP = MediaType.valueOf("application/zip");
    private static final MediaType CSV = new MediaType("text", "csv", "UTF-8");
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", "UTF-8");
    private static final List<Variant> EXPORT = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, ZIP).build();
    private static final List<Variant> GROUP_LOG = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.valueOf("text/csv"), MediaType.valueOf("text/markdown")).build();

    private final PersonalDataService service;
    private final CurrentMember current;
    private final ObjectMapper json;

    @Context
    Request request;

    PersonalDataResource(PersonalDataService service, CurrentMember current, ObjectMapper json) {
        this.service = service;
        this.current = current;
        this.json = json;
    }

    @Override
    public Response exportMyPersonalData() {
        PersonalDataExport export = service.export(current.actor());
        if (!chosen(EXPORT).equals("zip")) {
            return Response.ok(export, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
        }
        JsonNode document = json.valueToTree(export);
        try {
            var bytes = new ByteArrayOutputStream();
            try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                zip.putNextEntry(new ZipEntry("personal-data.json"));
                zip.write(json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(document));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("personal-data.md"));
                zip.write(Markdown.of("Personal data held by Learning Log", document)
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return Response.ok(bytes.toByteArray(), ZIP)
                    .header("Content-Disposition", "attachment; filename=\"learning-log-personal-data.zip\"")
                    .header("Cache-Control", "no-store").build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the export", e);
        }
    }

    @Override
    public Response eraseMember(UUID memberId, ErasureRequestJson body) {
        if (body == null) {
            throw Problems.badRequest("A body is required: {} keeps the content anonymised, {\"content\": \"DELETE\"}"
                    + " deletes it");
        }
        PersonalDataService.Content content = body.getContent() == null
                ? PersonalDataService.Content.ANONYMISE
                : PersonalDataService.Content.valueOf(body.getContent().toString());
        PersonalDataService.Erasure erasure = service.erase(current.actor(), memberId, content);
        return Response.ok(new ErasureReceiptJson().memberId(erasure.memberId())
                .erasedAt(erasure.erasedAt().atOffset(ZoneOffset.UTC))
                .content(ErasureContentJson.fromValue(erasure.content().name()))).build();
    }

    @Override
    public Response exportGroupLog(UUID groupId) {
        PersonalDataService.GroupLog log = service.groupLog(current.actor(), groupId);
        GroupLogFormats.Document document = GroupLogFormats.document(log);
        return switch (chosen(GROUP_LOG)) {
            case "csv" -> Response.ok(GroupLogFormats.csv(document), CSV)
                    .header("Content-Disposition", "attachment; filename=\"group-log-" + groupId + ".csv\"").build();
            case "markdown" -> Response.ok(Markdown.of("Log of " + log.groupName(), json.valueToTree(document)),
                    MARKDOWN).header("Content-Disposition", "attachment; filename=\"group-log-" + groupId + ".md\"")
                    .build();
            default -> Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    /** The subtype the caller prefers among the variants; JSON for `*` and for none. */
    private String chosen(List<Variant> variants) {
        Variant chosen = request.selectVariant(variants);
        return chosen == null ? "json" : chosen.getMediaType().getSubtype();
    }
}
