#include "credentialtable_p.h"

namespace MsalQt::Internal {

static constexpr quint32 emptyPlace = 0;
static constexpr quint32 tombstone = ~quint32(0);
static constexpr qsizetype minimumIndexSize = 16;

// A power of two with room for twice `count`.
static qsizetype indexSizeFor(qsizetype count)
{
    qsizetype size = minimumIndexSize;
    while (size < count * 2 + 2)
        size *= 2;
    return size;
}

void CredentialTable::clear()
{
    *this = CredentialTable();
}

size_t CredentialTable::hashOf(const QString &key) const
{
    return qHash(key, m_seed);
}

QString CredentialTable::keyAt(Slot slot) const
{
    const Entry &e = m_slots[slot];
    return e.foreign ? m_foreignKeys.value(slot) : e.entry.key();
}

bool CredentialTable::keyIs(Slot slot, const QString &key) const
{
    return keyAt(slot) == key;
}

CredentialTable::Slot CredentialTable::find(const QString &key) const
{
    if (m_index.empty())
        return noSlot;
    const size_t hash = hashOf(key);
    const size_t mask = m_index.size() - 1;
    for (size_t place = hash & mask;; place = (place + 1) & mask) {
        const quint32 value = m_index[place];
        if (value == emptyPlace)
            return noSlot;
        if (value != tombstone && m_slots[value - 1].hash == hash && keyIs(value - 1, key))
            return value - 1;
    }
}

qsizetype CredentialTable::placeOf(Slot slot) const
{
    const size_t mask = m_index.size() - 1;
    for (size_t place = m_slots[slot].hash & mask;; place = (place + 1) & mask) {
        if (m_index[place] == slot + 1)
            return qsizetype(place);
    }
}

void CredentialTable::addToIndex(Slot slot)
{
    const size_t mask = m_index.size() - 1;
    size_t place = m_slots[slot].hash & mask;
    while (m_index[place] != emptyPlace && m_index[place] != tombstone)
        place = (place + 1) & mask;
    if (m_index[place] == tombstone)
        --m_tombstones;
    m_index[place] = slot + 1;
}

void CredentialTable::rehash(qsizetype size)
{
    m_index.assign(size_t(size), emptyPlace);
    m_tombstones = 0;
    for (Slot slot = 0; slot < m_slots.size(); ++slot) {
        if (m_slots[slot].used)
            addToIndex(slot);
    }
}

CredentialTable::Slot CredentialTable::insert(const QString &key, CredentialEntry entry)
{
    const bool foreign = entry.key() != key;
    Slot slot = find(key);
    if (slot == noSlot) {
        if (!m_free.empty()) {
            slot = m_free.back();
            m_free.pop_back();
        } else {
            Q_ASSERT(m_slots.size() < noSlot - 1);
            slot = Slot(m_slots.size());
            m_slots.emplace_back();
        }
        m_slots[slot].hash = hashOf(key);
        m_slots[slot].used = true;
        ++m_count;
        // At most half the places taken (entries and tombstones): probes stay short.
        if ((m_count + m_tombstones) * 2 > qsizetype(m_index.size()))
            rehash(indexSizeFor(m_count));
        else
            addToIndex(slot);
    }
    Entry &e = m_slots[slot];
    e.entry = std::move(entry);
    e.foreign = foreign;
    if (foreign)
        m_foreignKeys.insert(slot, key);
    else
        m_foreignKeys.remove(slot);
    return slot;
}

void CredentialTable::removeAt(Slot slot)
{
    if (slot >= m_slots.size() || !m_slots[slot].used)
        return;
    m_index[size_t(placeOf(slot))] = tombstone;
    ++m_tombstones;
    m_slots[slot] = Entry();
    m_foreignKeys.remove(slot);
    m_free.push_back(slot);
    --m_count;
    if (m_tombstones * 4 > qsizetype(m_index.size()))
        rehash(qsizetype(m_index.size()));
}

bool CredentialTable::remove(const QString &key)
{
    const Slot slot = find(key);
    if (slot == noSlot)
        return false;
    removeAt(slot);
    return true;
}

QStringList CredentialTable::keys() const
{
    QStringList result;
    result.reserve(m_count);
    for (auto it = begin(); it != end(); ++it)
        result.append(it.key());
    return result;
}

void CredentialTable::squeeze()
{
    if (!m_free.empty()) {
        // Renumbers: the entries move down into the free slots.
        std::vector<Entry> kept;
        kept.reserve(size_t(m_count));
        QHash<Slot, QString> foreignKeys;
        for (Slot slot = 0; slot < m_slots.size(); ++slot) {
            if (!m_slots[slot].used)
                continue;
            if (m_slots[slot].foreign)
                foreignKeys.insert(Slot(kept.size()), m_foreignKeys.value(slot));
            kept.push_back(std::move(m_slots[slot]));
        }
        m_slots = std::move(kept);
        m_foreignKeys = std::move(foreignKeys);
        m_free = {};
    } else {
        m_slots.shrink_to_fit();
    }
    rehash(indexSizeFor(m_count));
    m_index.shrink_to_fit();
}

} // namespace MsalQt::Internal
