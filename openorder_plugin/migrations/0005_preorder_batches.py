"""Pre-order batches (PO): a product type's or product's batch, the order
lines in it, and the batch a capacity hold was checked into. The host's
tables come in through 0001's host dependencies."""

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion
import django.db.models.expressions


class Migration(migrations.Migration):

    dependencies = [
        ('openorder', '0004_payment_record_host_reference'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PreOrderBatch',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=128)),
                ('opens_at', models.DateTimeField()),
                ('closes_at', models.DateTimeField()),
                ('minimum_quantity', models.PositiveIntegerField()),
                ('status', models.CharField(choices=[('OPEN', 'Open'), ('PRODUCING', 'Closed, in production'), ('CANCELLED', 'Closed, minimum not reached')], default='OPEN', max_length=20)),
                ('closed_at', models.DateTimeField(blank=True, null=True)),
                ('closed_quantity', models.PositiveIntegerField(blank=True, null=True)),
                ('version', models.PositiveIntegerField(default=1)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('closed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('product', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='product.Product')),
                ('product_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='product.ProductType')),
            ],
            options={
                'ordering': ('closes_at', 'pk'),
            },
        ),
        migrations.CreateModel(
            name='PreOrderBatchLine',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('quantity', models.PositiveIntegerField()),
                ('joined_late', models.BooleanField(default=False)),
                ('outcome_applied_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('batch', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='lines', to='openorder.PreOrderBatch')),
                ('order', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='order.Order')),
                ('order_line', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='preorder_batch_line', to='order.OrderLine')),
            ],
            options={
                'ordering': ('created_at', 'pk'),
            },
        ),
        migrations.AddField(
            model_name='capacityreservation',
            name='batch',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='openorder.PreOrderBatch'),
        ),
        migrations.AddIndex(
            model_name='preorderbatchline',
            index=models.Index(fields=['batch', 'outcome_applied_at'], name='openorder_p_batch_i_fb1a11_idx'),
        ),
        migrations.AddIndex(
            model_name='preorderbatch',
            index=models.Index(fields=['status', 'closes_at'], name='openorder_p_status_f122c9_idx'),
        ),
        migrations.AddConstraint(
            model_name='preorderbatch',
            constraint=models.CheckConstraint(check=models.Q(models.Q(('product_type__isnull', False), ('product__isnull', True)), models.Q(('product_type__isnull', True), ('product__isnull', False)), _connector='OR'), name='openorder_batch_one_target'),
        ),
        migrations.AddConstraint(
            model_name='preorderbatch',
            constraint=models.CheckConstraint(check=models.Q(closes_at__gt=django.db.models.expressions.F('opens_at')), name='openorder_batch_closes_after_opening'),
        ),
        migrations.AddConstraint(
            model_name='preorderbatch',
            constraint=models.CheckConstraint(check=models.Q(minimum_quantity__gte=1), name='openorder_batch_minimum_gte_1'),
        ),
    ]
