#include "credentialtable_p.h"

namespace MsalQt::Internal {

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

CredentialTable::Slot CredentialTable::find(const QString &key) const
{
    // The index is by the key's hash alone: the key itself is derived from the slot's entry.
    const auto [first, last] = m_index.equal_range(hashOf(key));
    for (auto it = first; it != last; ++it) {
        if (keyAt(*it) == key)
            return *it;
    }
    return noSlot;
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
        m_index.insert(m_slots[slot].hash, slot);
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
    m_index.remove(m_slots[slot].hash, slot);
    m_slots[slot] = Entry();
    m_foreignKeys.remove(slot);
    m_free.push_back(slot);
    --m_count;
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
    m_index.clear();
    m_index.reserve(m_count);
    for (Slot slot = 0; slot < m_slots.size(); ++slot)
        m_index.insert(m_slots[slot].hash, slot);
}

} // namespace MsalQt::Internal
