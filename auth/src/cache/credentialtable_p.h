#pragma once

#include "autotestexport_p.h"
#include "cacheentry_p.h"

#include <QHash>

#include <vector>

namespace MsalQt::Internal {

// The credentials of one section (AccessToken, RefreshToken or IdToken), by their cache key, as a
// QHash<QString, CredentialEntry> would hold them, but without a copy of the key where the entry's
// fields make it (every entry this library wrote): the key is derived when it is needed, and only
// a key another library built differently ("…-idtoken-<client>-<realm>--") is kept as written.
// That key string was a fifth of what a loaded app token cost.
//
// Entries live in slots whose number stays the same while the entry is in the table, so that the
// cache's indexes hold four-byte slot numbers rather than keys. A pointer or reference to an
// entry is valid until the next insert() or remove().
class MSALQT_AUTH_AUTOTEST_EXPORT CredentialTable
{
public:
    using Slot = quint32;
    static constexpr Slot noSlot = ~Slot(0);

    qsizetype size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    void clear();
    // Frees what growing left unused (after a load).
    void squeeze();

    Slot find(const QString &key) const;
    bool contains(const QString &key) const { return find(key) != noSlot; }
    const CredentialEntry *entry(const QString &key) const
    {
        const Slot slot = find(key);
        return slot == noSlot ? nullptr : &m_slots[slot].entry;
    }
    const CredentialEntry &at(Slot slot) const { return m_slots[slot].entry; }
    QString keyAt(Slot slot) const;
    // Stores `entry` under `key`, in the slot of the entry it replaces if there was one.
    Slot insert(const QString &key, CredentialEntry entry);
    void removeAt(Slot slot);
    bool remove(const QString &key);
    QStringList keys() const;

    // The entries in slot order (not the order of their keys), as a QHash iterator gives them.
    class const_iterator
    {
    public:
        const_iterator(const CredentialTable *table, Slot slot) : m_table(table), m_slot(slot) { skipFree(); }
        const CredentialEntry &operator*() const { return m_table->at(m_slot); }
        const CredentialEntry *operator->() const { return &m_table->at(m_slot); }
        QString key() const { return m_table->keyAt(m_slot); }
        Slot slot() const { return m_slot; }
        const_iterator &operator++()
        {
            ++m_slot;
            skipFree();
            return *this;
        }
        bool operator==(const const_iterator &other) const { return m_slot == other.m_slot; }
        bool operator!=(const const_iterator &other) const { return m_slot != other.m_slot; }

    private:
        void skipFree()
        {
            while (m_slot < m_table->m_slots.size() && !m_table->m_slots[m_slot].used)
                ++m_slot;
        }
        const CredentialTable *m_table;
        Slot m_slot;
    };
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, Slot(m_slots.size())); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }

private:
    struct Entry
    {
        CredentialEntry entry;
        size_t hash = 0; // of the key
        bool used = false;
        bool foreign = false; // its key is in m_foreignKeys
    };
    size_t hashOf(const QString &key) const;

    std::vector<Entry> m_slots;
    std::vector<Slot> m_free;
    QMultiHash<size_t, Slot> m_index; // the hash of each slot's key
    qsizetype m_count = 0;
    QHash<Slot, QString> m_foreignKeys; // keys that are not the one the entry's fields make
    size_t m_seed = size_t(QHashSeed::globalSeed());
};

} // namespace MsalQt::Internal
