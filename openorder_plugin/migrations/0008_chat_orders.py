"""Chat orders: a host draft order taken in a chat, with its specs, until
the buyer confirms it on the buyer link."""

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion
import openorder_plugin.fields
import uuid


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('openorder', '0007_design_proofs'),
    ]

    operations = [
        migrations.CreateModel(
            name='ChatOrder',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('token', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('status', models.CharField(choices=[('DRAFT', 'Waiting for the buyer to confirm'), ('CONFIRMED', 'Confirmed by the buyer: a placed order'), ('CANCELLED', 'Cancelled by staff before the buyer confirmed')], default='DRAFT', max_length=20)),
                ('source', models.CharField(choices=[('WHATSAPP', 'WhatsApp'), ('INSTAGRAM', 'Instagram'), ('OTHER', 'Other')], default='WHATSAPP', max_length=20)),
                ('customer_name', models.CharField(blank=True, default='', max_length=255)),
                ('customer_phone', models.CharField(blank=True, default='', max_length=20)),
                ('customer_email', models.EmailField(blank=True, default='', max_length=254)),
                ('language_code', models.CharField(default='id', max_length=35)),
                ('note', models.CharField(blank=True, default='', max_length=1000)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('confirmed_at', models.DateTimeField(blank=True, null=True)),
                ('cancelled_at', models.DateTimeField(blank=True, null=True)),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('order', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='open_order_chat', to='order.Order')),
            ],
            options={
                'ordering': ('-created_at', 'pk'),
            },
        ),
        migrations.CreateModel(
            name='ChatOrderLine',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('entry', openorder_plugin.fields.JSONField()),
                ('chat_order', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='lines', to='openorder.ChatOrder')),
                ('order_line', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='open_order_chat_line', to='order.OrderLine')),
            ],
            options={
                'ordering': ('pk',),
            },
        ),
        migrations.AddIndex(
            model_name='chatorder',
            index=models.Index(fields=['status', 'created_at'], name='openorder_c_status_ef7069_idx'),
        ),
        migrations.AddConstraint(
            model_name='chatorder',
            constraint=models.CheckConstraint(check=models.Q(models.Q(('cancelled_at', None), ('confirmed_at__isnull', True), ('status', 'DRAFT')), models.Q(('cancelled_at', None), ('confirmed_at__isnull', False), ('status', 'CONFIRMED')), models.Q(('cancelled_at__isnull', False), ('confirmed_at', None), ('status', 'CANCELLED')), _connector='OR'), name='openorder_chat_order_status_dates'),
        ),
    ]
