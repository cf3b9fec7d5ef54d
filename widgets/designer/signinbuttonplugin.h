#pragma once

#include <QObject>
#include <QtUiPlugin/QDesignerCustomWidgetInterface>

namespace MsalQt::Widgets {

// Puts SignInButton in Qt Designer's widget box (group "MsalQt"), with its properties (scopes)
// in the property editor. The dialogs (AccountPicker, DeviceCodeDialog, SignInDialog) are not
// offered: Designer places widgets inside a form, and a QDialog child is a window of its own;
// promote a QWidget placeholder to them instead.
class SignInButtonPlugin : public QObject, public QDesignerCustomWidgetInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.qt-project.Qt.QDesignerCustomWidgetInterface")
    Q_INTERFACES(QDesignerCustomWidgetInterface)
public:
    explicit SignInButtonPlugin(QObject *parent = nullptr);

    QString name() const override;
    QString group() const override;
    QString toolTip() const override;
    QString whatsThis() const override;
    QString includeFile() const override;
    QIcon icon() const override;
    bool isContainer() const override;
    QWidget *createWidget(QWidget *parent) override;
    QString domXml() const override;
};

} // namespace MsalQt::Widgets
