package io.walbridge.core.testing.bigquery;

import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteGrpc;
import com.google.cloud.bigquery.storage.v1.GetWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.cloud.bigquery.storage.v1.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Int64Value;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-in's Storage Write API: {@code GetWriteStream} and {@code AppendRows} on a table's default stream
 * ({@code projects/P/datasets/D/tables/T/_default}). Other streams (pending, committed, buffered) are not
 * offered: the calls for them answer UNIMPLEMENTED.
 */
final class StandInWriteService extends BigQueryWriteGrpc.BigQueryWriteImplBase {

    private static final Pattern STREAM = Pattern.compile("projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)/(?:streams/)?_default");

    private final StandInStore store;
    private final StandInFaults faults;

    StandInWriteService(StandInStore store, StandInFaults faults) {
        this.store = store;
        this.faults = faults;
    }

    @Override
    public void getWriteStream(GetWriteStreamRequest request, StreamObserver<WriteStream> response) {
        Matcher m = STREAM.matcher(request.getName());
        StandInTable t = m.matches() ? store.table(m.group(1), m.group(2), m.group(3)) : null;
        if (t == null) {
            response.onError(Status.NOT_FOUND.withDescription("Requested entity was not found: " + request.getName())
                    .asRuntimeException());
            return;
        }
        TableSchema.Builder schema = TableSchema.newBuilder();
        for (StandInField f : t.fields()) {
            schema.addFields(TableFieldSchema.newBuilder().setName(f.name())
                    .setType(TableFieldSchema.Type.valueOf(storageType(f.type())))
                    .setMode(TableFieldSchema.Mode.valueOf(f.mode())));
        }
        response.onNext(WriteStream.newBuilder().setName(request.getName()).setType(WriteStream.Type.COMMITTED)
                .setTableSchema(schema).setLocation(store.dataset(m.group(1), m.group(2)).location()).build());
        response.onCompleted();
    }

    private static String storageType(String restType) {
        return switch (restType) {
            case "INTEGER" -> "INT64";
            case "FLOAT" -> "DOUBLE";
            case "BOOLEAN" -> "BOOL";
            case "RECORD" -> "STRUCT";
            default -> restType;
        };
    }

    @Override
    public StreamObserver<AppendRowsRequest> appendRows(StreamObserver<AppendRowsResponse> response) {
        return new StreamObserver<>() {
            private String stream;
            private Descriptors.Descriptor descriptor;
            private boolean closed;

            @Override
            public void onNext(AppendRowsRequest request) {
                if (closed) {
                    return;
                }
                if (!request.getWriteStream().isEmpty()) {
                    stream = request.getWriteStream();
                }
                if (request.getProtoRows().hasWriterSchema()) {
                    descriptor = descriptor(request.getProtoRows().getWriterSchema().getProtoDescriptor());
                }
                Status fault = faults.appendFault();
                if (fault != null) {
                    closed = true;
                    response.onError(fault.asRuntimeException());
                    return;
                }
                synchronized (response) {
                    response.onNext(append(stream, descriptor, request));
                }
            }

            @Override
            public void onError(Throwable t) {
                closed = true;
            }

            @Override
            public void onCompleted() {
                if (!closed) {
                    closed = true;
                    response.onCompleted();
                }
            }
        };
    }

    private AppendRowsResponse append(String stream, Descriptors.Descriptor descriptor, AppendRowsRequest request) {
        Matcher m = stream == null ? null : STREAM.matcher(stream);
        if (m == null || !m.matches()) {
            return error(Status.Code.INVALID_ARGUMENT, "the stand-in only offers tables' default streams, not " + stream);
        }
        StandInTable table = store.table(m.group(1), m.group(2), m.group(3));
        if (table == null) {
            return error(Status.Code.NOT_FOUND, "Table " + m.group(3) + " not found");
        }
        if (descriptor == null) {
            return error(Status.Code.INVALID_ARGUMENT, "the first request of a connection needs the writer schema");
        }
        if (faults.quotaFault()) {
            return error(Status.Code.RESOURCE_EXHAUSTED, "stand-in: exceeds the append quota (injected)");
        }
        List<DecodedRow> rows = new ArrayList<>();
        List<RowError> rowErrors = new ArrayList<>();
        List<ByteString> serialized = request.getProtoRows().getRows().getSerializedRowsList();
        for (int i = 0; i < serialized.size(); i++) {
            try {
                DecodedRow r = RowDecoder.decode(descriptor, serialized.get(i), table);
                if (faults.refuses(view(table, r))) {
                    faults.refused();
                    throw new RowDecoder.Refused("stand-in: row refused (injected)", false);
                }
                rows.add(r);
            } catch (RowDecoder.Refused e) {
                if (e.wholeRequest) {
                    return error(Status.Code.INVALID_ARGUMENT, e.getMessage());
                }
                rowErrors.add(RowError.newBuilder().setIndex(i).setCode(RowError.RowErrorCode.FIELDS_ERROR)
                        .setMessage(e.getMessage()).build());
            }
        }
        if (!rowErrors.isEmpty()) {
            // like BigQuery, a request with a bad row is applied not at all
            return AppendRowsResponse.newBuilder().setError(com.google.rpc.Status.newBuilder()
                            .setCode(Status.Code.INVALID_ARGUMENT.value()).setMessage("Errors found while processing rows"))
                    .addAllRowErrors(rowErrors).setWriteStream(stream).build();
        }
        table.apply(rows);
        return AppendRowsResponse.newBuilder().setAppendResult(AppendRowsResponse.AppendResult.newBuilder()
                .setOffset(Int64Value.of(0))).setWriteStream(stream).build();
    }

    private static StandInFaults.DecodedRowView view(StandInTable table, DecodedRow r) {
        return new StandInFaults.DecodedRowView() {
            @Override
            public String table() {
                return table.name();
            }

            @Override
            public Object value(String column) {
                return r.values().get(column.toLowerCase(Locale.ROOT));
            }
        };
    }

    private static AppendRowsResponse error(Status.Code code, String message) {
        return AppendRowsResponse.newBuilder()
                .setError(com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message)).build();
    }

    private static Descriptors.Descriptor descriptor(DescriptorProtos.DescriptorProto proto) {
        try {
            DescriptorProtos.FileDescriptorProto file = DescriptorProtos.FileDescriptorProto.newBuilder()
                    .addMessageType(proto).build();
            return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                    .findMessageTypeByName(proto.getName());
        } catch (Descriptors.DescriptorValidationException e) {
            throw Status.INVALID_ARGUMENT.withDescription("invalid writer schema: " + e.getMessage()).asRuntimeException();
        }
    }
}
