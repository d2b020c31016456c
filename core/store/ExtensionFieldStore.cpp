// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/ExtensionFieldStore.h"

#include "core/store/Database.h"

namespace ScimConsole::Core {

namespace {
ExtensionField fromRow(const QSqlQuery &query)
{
    ExtensionField field;
    field.name = query.value(0).toString();
    field.type = ExtensionField::typeFromName(query.value(1).toString()).value();
    field.displayName = query.value(2).toString();
    field.created = Database::fromMsecs(query.value(3));
    return field;
}
} // namespace

Result<ExtensionField> ExtensionFieldStore::create(const QString &name, FieldType type, const QString &displayName)
{
    if (const Status valid = ExtensionField::validateName(name); !valid)
        return valid.error();
    const Result<QString> display = ExtensionField::validateDisplayName(displayName);
    if (!display)
        return display.error();

    ExtensionField field;
    field.name = name;
    field.type = type;
    field.displayName = display->isEmpty() ? name : display.value();
    field.created = QDateTime::currentDateTimeUtc();
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const auto inserted =
        m_db.exec(QStringLiteral("INSERT INTO extension_fields (name, type, display_name, created)"
                                 " VALUES (?, ?, ?, ?)"),
                  {field.name, ExtensionField::typeName(type), field.displayName, Database::toMsecs(field.created)});
    if (!inserted) {
        if (inserted.error().code == ErrorCode::Conflict)
            return makeError(ErrorCode::Conflict, tr("An extension field named \"%1\" already exists.").arg(name));
        return inserted.error();
    }
    // Field definitions are configuration: the server's discovery documents describe them.
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return field;
}

Result<ExtensionField> ExtensionFieldStore::get(const QString &name) const
{
    Result<QSqlQuery> query = m_db.exec(
        QStringLiteral("SELECT name, type, display_name, created FROM extension_fields WHERE name = ?"), {name});
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, tr("There is no extension field named \"%1\".").arg(name));
    return fromRow(query.value());
}

Result<QList<ExtensionField>> ExtensionFieldStore::list() const
{
    Result<QSqlQuery> query =
        m_db.exec(QStringLiteral("SELECT name, type, display_name, created FROM extension_fields ORDER BY name"));
    if (!query)
        return query.error();
    QList<ExtensionField> result;
    while (query->next())
        result.append(fromRow(query.value()));
    return result;
}

Result<ExtensionField> ExtensionFieldStore::setDisplayName(const QString &name, const QString &displayName)
{
    const Result<QString> display = ExtensionField::validateDisplayName(displayName);
    if (!display)
        return display.error();
    Result<ExtensionField> field = get(name);
    if (!field)
        return field.error();
    field->displayName = display->isEmpty() ? name : display.value();
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const auto updated = m_db.exec(QStringLiteral("UPDATE extension_fields SET display_name = ? WHERE name = ?"),
                                       {field->displayName, name});
        !updated) {
        return updated.error();
    }
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return field;
}

Status ExtensionFieldStore::remove(const QString &name)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const Result<ExtensionField> field = get(name);
    if (!field)
        return field.error();
    const Result<QVariant> app = m_db.scalar(QStringLiteral("SELECT MIN(a.name) FROM applications a JOIN"
                                                            " app_mapped_fields f ON f.app_id = a.id"
                                                            " WHERE f.field_name = ?"),
                                             {name});
    if (!app)
        return app.error();
    if (!app->isNull()) {
        return makeError(ErrorCode::Conflict,
                         tr("The application \"%1\" writes into \"%2\" (M-03): remove it from that application's "
                            "sync target fields first.")
                             .arg(app->toString(), name));
    }
    for (const QString &sql : {QStringLiteral("DELETE FROM account_extension_values WHERE field_name = ?"),
                               QStringLiteral("DELETE FROM extension_fields WHERE name = ?")}) {
        if (const auto deleted = m_db.exec(sql, {name}); !deleted)
            return deleted.error();
    }
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    return tx.commit();
}

Result<qint64> ExtensionFieldStore::valueCount(const QString &name) const
{
    const Result<QVariant> count =
        m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM account_extension_values WHERE field_name = ?"), {name});
    if (!count)
        return count.error();
    return count->toLongLong();
}

} // namespace ScimConsole::Core
